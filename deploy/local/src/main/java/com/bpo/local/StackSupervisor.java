package com.bpo.local;

import com.bpo.infra.InfraException;
import com.bpo.infra.ProcessRef;
import com.bpo.infra.ServiceProcess;
import com.bpo.local.StackState.Phase;
import com.bpo.local.StackState.ServiceStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Main class of the stack supervisor: the small JVM that runs the services for as long as the stack is up. The
 * services must outlive the {@code bpo up} command, and {@link ServiceProcess} stops a service when the process that
 * started it ends; so {@code up} starts this process, which starts the services one after the other, publishes their
 * state in {@code .bpo/stack.json}, and stops them in reverse order when it gets SIGTERM ({@code bpo down}). If it is
 * killed outright, the services' watchdogs stop them.
 *
 * <p>Arguments: the state file. Standard input: the plan, a JSON array of {@link ServiceLaunch}.
 */
public final class StackSupervisor {

    static final String STACK_HOME_PROPERTY = "bpo.stack.home";
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Path stateFile;
    private final List<ServiceLaunch> plan;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private StackState state;
    private boolean stopping;

    private StackSupervisor(Path stateFile, List<ServiceLaunch> plan) {
        this.stateFile = stateFile;
        this.plan = plan;
        this.state = new StackState(
                ProcessRef.current(),
                plan.stream()
                        .map(launch -> ServiceStatus.waiting(launch.name(), launch.url(), launch.logFile()))
                        .toList());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            log("usage: StackSupervisor <state file> < plan.json");
            System.exit(64);
            return;
        }
        List<ServiceLaunch> plan = Json.MAPPER.readValue(System.in, new TypeReference<List<ServiceLaunch>>() {});
        StackSupervisor supervisor = new StackSupervisor(Path.of(args[0]), plan);
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stopAll, "stack-supervisor-shutdown"));
        System.exit(supervisor.run());
    }

    private int run() {
        log("supervisor " + ProcessHandle.current().pid() + " starting " + plan.size() + " services");
        publish();
        for (ServiceLaunch launch : plan) {
            if (!start(launch)) {
                stopAll();
                return 1;
            }
        }
        log("every service is ready");
        watch();
        return 0;
    }

    private boolean start(ServiceLaunch launch) {
        synchronized (this) {
            if (stopping) {
                return false;
            }
            update(status(launch.name()).with(Phase.STARTING));
        }
        long begin = System.nanoTime();
        try {
            ServiceProcess service = ServiceProcess.quarkusApp(launch.name(), launch.runnerJar())
                    .environment(launch.environment())
                    // Names the stack's home on the service's command line, as every other process of the stack
                    // does, so that a look at the process table (pgrep -f <home>) finds all of them.
                    .systemProperty(
                            STACK_HOME_PROPERTY,
                            stateFile.toAbsolutePath().getParent().toString())
                    .maxHeap(launch.maxHeap())
                    .httpPort(launch.port())
                    .logFile(launch.logFile())
                    .startTimeout(START_TIMEOUT)
                    .start();
            long millis = (System.nanoTime() - begin) / 1_000_000;
            synchronized (this) {
                running.put(launch.name(), service);
                if (stopping) {
                    return false;
                }
                update(status(launch.name()).ready(ProcessRef.of(service.handle()), millis));
            }
            log(launch.name() + " ready in " + millis + " ms as pid " + service.pid());
            return true;
        } catch (InfraException e) {
            log(e.getMessage());
            synchronized (this) {
                update(status(launch.name()).failed(Phase.FAILED, e.getMessage()));
            }
            return false;
        }
    }

    /** Marks services that end by themselves; the supervisor stays so that {@code status} and {@code down} work. */
    private void watch() {
        while (true) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                if (stopping) {
                    return;
                }
                for (ServiceProcess service : running.values()) {
                    ServiceStatus status = status(service.name());
                    if (!service.isAlive() && status.phase() == Phase.READY) {
                        String why = service.name() + " exited by itself with code " + service.stop() + "; see "
                                + service.logFile();
                        log(why);
                        update(status.failed(Phase.EXITED, why));
                    }
                }
            }
        }
    }

    /** Stops the running services in reverse start order. Runs once, from SIGTERM's shutdown hook or a failure. */
    private void stopAll() {
        List<ServiceProcess> toStop;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = new ArrayList<>(running.values());
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            ServiceProcess service = toStop.get(i);
            long begin = System.nanoTime();
            int exit = service.stop();
            log(service.name() + " stopped in " + (System.nanoTime() - begin) / 1_000_000 + " ms (exit code " + exit
                    + ")");
            synchronized (this) {
                ServiceStatus status = status(service.name());
                if (status.phase() == Phase.READY) {
                    update(status.with(Phase.STOPPED));
                }
            }
        }
    }

    private ServiceStatus status(String name) {
        return state.service(name).orElseThrow();
    }

    private void update(ServiceStatus status) {
        state = state.with(status);
        publish();
    }

    private void publish() {
        state.write(stateFile);
    }

    private static void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + message);
    }
}

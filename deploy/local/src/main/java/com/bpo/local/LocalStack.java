package com.bpo.local;

import com.bpo.infra.HttpProbe;
import com.bpo.infra.KeycloakEndpoint;
import com.bpo.infra.ProcessRef;
import com.bpo.infra.ServerKind;
import com.bpo.infra.ServerState;
import com.bpo.infra.ServiceDatabase;
import com.bpo.local.StackState.Phase;
import com.bpo.local.StackState.ServiceStatus;
import com.bpo.simulator.DemoOrganisation;
import com.bpo.simulator.Simulation;
import com.bpo.simulator.SimulationSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The {@code bpo} commands over the servers (libs/infra) and the services (the supervisor). */
public final class LocalStack {

    static final String REALM = "bpo";
    static final String GATEWAY = "gateway";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    private static final Duration SUPERVISOR_STOP = Duration.ofSeconds(120);
    private static final int LOG_LINES_IN_ERRORS = 40;

    private final StackEnvironment environment;
    private final StackPaths paths;
    private final List<StackService> services;
    private final InfraServers servers;
    private final PrintStream out;

    /**
     * @param environment the stack's home and port offset
     * @param services the services on their fixed ports (the offset is added here)
     * @param out where the commands report
     */
    public LocalStack(StackEnvironment environment, List<StackService> services, PrintStream out) {
        this.environment = environment;
        this.paths = environment.paths();
        this.services = StackServices.withPortOffset(services, environment.portOffset());
        this.servers = new InfraServers(paths, environment.portOffset());
        this.out = out;
    }

    // ---------------------------------------------------------------------------------------------------- up

    /** {@code bpo up}: returns once every service is ready and the demo data is loaded. */
    public void up(boolean fresh, boolean build) {
        long begin = System.nanoTime();
        if (fresh) {
            say("--fresh: stopping the stack and deleting its data (%s)", paths.data());
            stopEverything();
            deleteTree(paths.data());
        }
        if (build) {
            buildStaleServices();
        }
        String piiMasterKey = PiiMasterKey.loadOrCreate(paths.secrets());
        Map<ServerKind, ProcessRef> daemonsBefore = servers.runningDaemons();
        UpAttempt attempt = new UpAttempt(daemonsBefore);
        Thread interrupted = new Thread(attempt::undo, "bpo-up-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            say("starting Kafka, PostgreSQL and Keycloak (data in %s)", relative(paths.data()));
            servers.start(StackServices.databases(services), out);
            reportReused(daemonsBefore);
            InfraStatus infra = servers.status().requireAll();
            if (environment.portOffset() != 0) {
                admitConsoleAtGateway(infra.keycloak());
            }
            StackEndpoints endpoints = endpoints(infra, piiMasterKey);
            startOrReuseServices(endpoints, attempt);
            say("loading the demo organisation through the gateway");
            seed(infra.keycloak());
            printSummary(infra.keycloak(), Duration.ofNanos(System.nanoTime() - begin));
            removeHook(interrupted);
        } catch (RuntimeException e) {
            removeHook(interrupted);
            out.println();
            out.println("bpo up failed: " + e.getMessage());
            out.println();
            out.println("Stopping what this run started ...");
            attempt.undo();
            throw new StackException("the stack did not start; see the message above", e);
        }
    }

    /** What one {@code up} started, so that a failure or Ctrl-C stops exactly that and leaves reused servers alone. */
    private final class UpAttempt {
        private final Map<ServerKind, ProcessRef> daemonsBefore;
        private volatile Process supervisor;
        private boolean undone;

        UpAttempt(Map<ServerKind, ProcessRef> daemonsBefore) {
            this.daemonsBefore = daemonsBefore;
        }

        synchronized void undo() {
            if (undone) {
                return;
            }
            undone = true;
            Process started = supervisor;
            if (started != null && started.isAlive()) {
                ProcessRef.of(started.toHandle()).terminate(SUPERVISOR_STOP);
                stopLeftoverServices();
            }
            Set<ServerKind> startedServers = EnumSet.noneOf(ServerKind.class);
            servers.runningDaemons().forEach((kind, daemon) -> {
                if (!daemon.equals(daemonsBefore.get(kind))) {
                    startedServers.add(kind);
                }
            });
            servers.stop(startedServers, out);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Ctrl-C: the JVM is shutting down and the hook is already undoing this run.
        }
    }

    private void buildStaleServices() {
        List<StackService> stale = ServiceBuild.stale(paths.root(), services);
        if (stale.isEmpty()) {
            return;
        }
        Optional<StackState> state = StackState.read(paths.stackState());
        if (state.isPresent() && state.get().supervisor().isAlive()) {
            // The build rewrites the jars the running services were loaded from.
            say("stopping the running services before rebuilding them");
            stopServices();
        }
        long begin = System.nanoTime();
        say(
                "building %s (missing or older than their sources; the first build takes a few minutes, output in %s)",
                String.join(", ", stale.stream().map(StackService::name).toList()), relative(paths.buildLog()));
        ServiceBuild.build(paths.root(), stale, paths.buildLog(), out);
        say("built in %s", Durations.format(Duration.ofNanos(System.nanoTime() - begin)));
    }

    /** The realm admits the console only on port 8080; a stack with a port offset has its gateway elsewhere. */
    private void admitConsoleAtGateway(KeycloakEndpoint keycloak) {
        int gatewayPort = gatewayService().port();
        boolean changed = ConsoleClient.allowGateway(keycloak, REALM, gatewayPort);
        out.printf(
                "  %-18s %s sign-ins from %s%n",
                ConsoleClient.CLIENT_ID,
                changed ? "now accepts" : "already accepts",
                String.join(" and ", ConsoleClient.origins(gatewayPort)));
    }

    private void reportReused(Map<ServerKind, ProcessRef> daemonsBefore) {
        Map<ServerKind, ProcessRef> now = servers.runningDaemons();
        daemonsBefore.forEach((kind, daemon) -> {
            if (daemon.equals(now.get(kind))) {
                out.printf("  %-18s already running, reused%n", kind.id());
            }
        });
    }

    private StackEndpoints endpoints(InfraStatus infra, String piiMasterKey) {
        Map<String, ServiceDatabase> databases = new HashMap<>();
        infra.postgres().databases().forEach(database -> databases.put(database.name(), database));
        return new StackEndpoints(
                infra.kafka().bootstrapServers(),
                infra.keycloak().issuer(REALM),
                piiMasterKey,
                databases,
                StackServices.gatewayRoutes(services));
    }

    private void startOrReuseServices(StackEndpoints endpoints, UpAttempt attempt) {
        Optional<StackState> existing = StackState.read(paths.stackState());
        if (existing.isPresent() && existing.get().isUp() && sameServices(existing.get())) {
            say(
                    "services already running (supervisor pid %d), reused",
                    existing.get().supervisor().pid());
            return;
        }
        if (existing.isPresent() && existing.get().supervisor().isAlive()) {
            say("restarting the services: some are not running");
            stopServices();
        }
        deleteQuietly(paths.stackState());
        say("starting the services (logs in %s)", relative(paths.logs()));
        Process supervisor = startSupervisor(ServiceLaunch.plan(services, endpoints, paths));
        attempt.supervisor = supervisor;
        awaitServices(supervisor);
    }

    private boolean sameServices(StackState state) {
        return state.services().stream()
                .map(ServiceStatus::name)
                .toList()
                .equals(services.stream().map(StackService::name).toList());
    }

    private Process startSupervisor(List<ServiceLaunch> launches) {
        List<String> command = new ArrayList<>(JavaCommand.smallJvm("64m"));
        command.add("-Djava.util.logging.SimpleFormatter.format=%1$tT.%1$tL %4$s: %5$s%6$s%n");
        command.add("-cp");
        command.add(JavaCommand.longRunningClasspath(paths.runDir()));
        command.add(StackSupervisor.class.getName());
        command.add(paths.stackState().toString());
        try {
            Files.createDirectories(paths.logs());
            Files.writeString(
                    paths.supervisorLog(),
                    "--- bpo up at " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Process supervisor = new ProcessBuilder(command)
                    .directory(paths.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            paths.supervisorLog().toFile()))
                    .start();
            // The plan carries credentials: it goes through the pipe, never into a file.
            try (OutputStream plan = supervisor.getOutputStream()) {
                Json.MAPPER.writeValue(plan, launches);
            }
            return supervisor;
        } catch (IOException e) {
            throw new StackException("cannot start the stack supervisor; see " + paths.supervisorLog(), e);
        }
    }

    /** Prints each service's progress until all are ready; throws with the failing service's message otherwise. */
    private void awaitServices(Process supervisor) {
        Map<String, Phase> shown = new HashMap<>();
        long startingSince = System.nanoTime();
        long lastLine = startingSince;
        while (true) {
            Optional<StackState> state = StackState.read(paths.stackState());
            if (state.isPresent()) {
                for (ServiceStatus status : state.get().services()) {
                    if (shown.get(status.name()) != status.phase()) {
                        shown.put(status.name(), status.phase());
                        lastLine = System.nanoTime();
                        if (status.phase() == Phase.STARTING) {
                            startingSince = lastLine;
                        }
                        printTransition(status);
                    }
                }
                Optional<ServiceStatus> failure = state.get().failure();
                if (failure.isPresent()) {
                    waitForExit(supervisor);
                    throw new StackException(failure.get().message());
                }
                if (state.get().services().stream().allMatch(status -> status.phase() == Phase.READY)) {
                    return;
                }
            }
            if (!supervisor.isAlive()) {
                throw new StackException("the stack supervisor exited with code " + supervisor.exitValue()
                        + " before the services were ready; last lines of " + paths.supervisorLog() + ":"
                        + System.lineSeparator() + Logs.tail(paths.supervisorLog(), LOG_LINES_IN_ERRORS));
            }
            if (System.nanoTime() - lastLine > PROGRESS_EVERY.toNanos()) {
                lastLine = System.nanoTime();
                long begin = startingSince;
                state.flatMap(current -> current.services().stream()
                                .filter(status -> status.phase() == Phase.STARTING)
                                .findFirst())
                        .ifPresent(starting -> out.printf(
                                "  %-18s still starting (%s so far) ...%n",
                                starting.name(), Durations.format(Duration.ofNanos(System.nanoTime() - begin))));
            }
            sleep(POLL);
        }
    }

    private void printTransition(ServiceStatus status) {
        switch (status.phase()) {
            case STARTING ->
                out.printf("  %-18s starting (log %s)%n", status.name(), relative(Path.of(status.logFile())));
            case READY ->
                out.printf(
                        "  %-18s ready at %s in %s (pid %d)%n",
                        status.name(),
                        status.url(),
                        Durations.format(Duration.ofMillis(status.startMillis())),
                        status.process().pid());
            case FAILED -> out.printf("  %-18s FAILED%n", status.name());
            default -> {
                // Waiting services and the stop at the end need no line of their own.
            }
        }
    }

    private void seed(KeycloakEndpoint keycloak) {
        URI gateway = URI.create(gatewayService().url());
        URI realm = URI.create(keycloak.issuer(REALM));
        try {
            DemoOrganisation.seed(gateway, realm, out);
        } catch (RuntimeException e) {
            throw new StackException(
                    "loading the demo data failed: " + e.getMessage() + System.lineSeparator()
                            + "(see ./bpo logs gateway, ./bpo logs agent-service)",
                    e);
        }
    }

    private void printSummary(KeycloakEndpoint keycloak, Duration took) {
        StackService gateway = gatewayService();
        out.println();
        out.printf("The BPO platform is up (took %s).%n", Durations.format(took));
        out.println();
        out.printf("  %-26s %s%n", "gateway (public API)", gateway.url());
        out.printf("  %-26s %s/api/openapi%n", "API description", gateway.url());
        out.printf(
                "  %-26s %s/admin/  (user %s, password %s)%n",
                "Keycloak admin", keycloak.url(), keycloak.adminUsername(), keycloak.adminPassword());
        for (StackService service : services) {
            out.printf("  %-26s %s/q/health%n", service.name() + " health", service.url());
        }
        out.println();
        out.println("Demo logins (realm bpo, password demo1234 for all; deploy/keycloak/README.md lists them):");
        out.println("  platform-admin                         the platform's operator");
        out.println("  zongzi-admin, zongzi-analyst           brand-zongzi: administrator, KPI analyst");
        out.println("  starcall-admin, starcall-agent-1       vendor-starcall: administrator, agent");
        out.println("  bluesea-admin, bluesea-agent-1         vendor-bluesea: administrator, agent");
        out.printf(
                "  a token: curl -s %s -d grant_type=password -d client_id=bpo-cli -d username=zongzi-analyst"
                        + " -d password=demo1234%n",
                keycloak.tokenEndpoint(REALM));
        if (!paths.equals(new StackPaths(paths.root())) || environment.portOffset() != 0) {
            out.println();
            out.printf(
                    "This stack: %s=%s %s=%d (set both for every ./bpo command on it).%n",
                    StackEnvironment.HOME_VARIABLE,
                    paths.home(),
                    StackEnvironment.PORT_OFFSET_VARIABLE,
                    environment.portOffset());
        }
        out.println();
        out.println("Next:");
        out.println("  ./bpo simulate --days 1 --speed 3600     traffic for a day, then the KPIs per vendor");
        out.println("  ./bpo status | ./bpo logs agent-service -f | ./bpo down");
    }

    // -------------------------------------------------------------------------------------------------- down

    /** {@code bpo down}: the services first, then the servers; then checks that none of their processes is left. */
    public boolean down() {
        List<ProcessRef> processes = new ArrayList<>();
        StackState.read(paths.stackState()).ifPresent(state -> {
            processes.add(state.supervisor());
            state.services().stream()
                    .map(ServiceStatus::process)
                    .filter(ref -> ref != null)
                    .forEach(processes::add);
        });
        servers.states().values().forEach(state -> {
            processes.add(state.daemon());
            processes.addAll(state.servers());
        });
        say("stopping the services");
        stopServices();
        say("stopping the servers");
        servers.stop(EnumSet.allOf(ServerKind.class), out);
        List<ProcessRef> left = processes.stream().filter(ProcessRef::isAlive).toList();
        if (left.isEmpty()) {
            say("stopped; no process of the stack is left (data kept in %s)", relative(paths.data()));
            return true;
        }
        say(
                "stopped, but these processes are still alive: %s",
                String.join(
                        ", ", left.stream().map(ref -> Long.toString(ref.pid())).toList()));
        return false;
    }

    private void stopEverything() {
        stopServices();
        servers.stop(EnumSet.allOf(ServerKind.class), out);
    }

    /** Stops the supervisor (which stops its services in reverse order) and any service it left behind. */
    private void stopServices() {
        Optional<StackState> state = StackState.read(paths.stackState());
        if (state.isEmpty()) {
            return;
        }
        // Only what runs now is reported as stopped; a failed start leaves entries of services already gone.
        List<ServiceStatus> running = new ArrayList<>(state.get().services().stream()
                .filter(status -> status.process() != null && status.process().isAlive())
                .toList());
        ProcessRef supervisor = state.get().supervisor();
        if (supervisor.isAlive()) {
            if (!supervisor.terminate(SUPERVISOR_STOP)) {
                out.printf("  supervisor pid %d did not stop%n", supervisor.pid());
            }
        }
        stopLeftoverServices();
        // The supervisor stops them in reverse start order.
        Collections.reverse(running);
        running.forEach(status -> out.printf("  %-18s stopped%n", status.name()));
        deleteQuietly(paths.stackState());
    }

    /** A service whose supervisor died without stopping it (it was killed) is stopped here. */
    private void stopLeftoverServices() {
        StackState.read(paths.stackState()).ifPresent(state -> state.services().stream()
                .map(ServiceStatus::process)
                .filter(ref -> ref != null && ref.isAlive())
                .forEach(ref -> ref.terminate(Duration.ofSeconds(30))));
    }

    // ------------------------------------------------------------------------------------------------ status

    /** {@code bpo status}; true when everything is up. */
    public boolean status() {
        Optional<StackState> stack = StackState.read(paths.stackState());
        List<StackReport.Line> lines = StackReport.lines(servers.states(), stack, services, LocalStack::answersReady);
        lines.forEach(line -> out.println(line.format()));
        stack.filter(state -> state.supervisor().isAlive())
                .ifPresent(state -> out.printf(
                        "%nsupervisor pid %d; logs in %s%n", state.supervisor().pid(), relative(paths.logs())));
        return StackReport.allUp(lines);
    }

    static boolean answersReady(String baseUrl) {
        return HttpProbe.answersOk(
                URI.create(baseUrl + "/q/health/ready"), Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    // -------------------------------------------------------------------------------------------------- logs

    /** {@code bpo logs NAME [-f]}. */
    public void logs(String name, boolean follow) {
        Path log = Logs.named(paths, services, name);
        if (!Files.exists(log) && !follow) {
            throw new StackException("there is no " + name + " log yet (" + relative(log) + ")");
        }
        Logs.copy(log, out, follow, () -> Thread.currentThread().isInterrupted());
    }

    // ---------------------------------------------------------------------------------------------- simulate

    /** {@code bpo simulate ...}: the simulator against this stack's gateway and realm. */
    public void simulate(List<String> options) {
        SimulationSettings parsed = SimulationSettings.parse(options.toArray(String[]::new));
        Optional<StackState> stack = StackState.read(paths.stackState());
        boolean gatewayRuns = stack.flatMap(state -> state.service(GATEWAY))
                .map(ServiceStatus::isRunning)
                .orElse(false);
        Optional<ServerState> keycloak = servers.states().entrySet().stream()
                .filter(entry -> entry.getKey() == ServerKind.KEYCLOAK)
                .map(Map.Entry::getValue)
                .filter(state -> state.daemon().isAlive())
                .findFirst();
        if (!gatewayRuns || keycloak.isEmpty()) {
            throw new StackException("the stack is not up; start it with ./bpo up (./bpo status shows what runs)");
        }
        URI realm = URI.create(
                "http://" + keycloak.get().host() + ":" + keycloak.get().port() + "/realms/" + REALM);
        SimulationSettings settings =
                parsed.withEndpoints(URI.create(gatewayService().url()), realm);
        Simulation.run(settings, out);
    }

    // --------------------------------------------------------------------------------------------- helpers

    private StackService gatewayService() {
        return services.stream()
                .filter(service -> service.name().equals(GATEWAY))
                .findFirst()
                .orElseThrow(() -> new StackException("the stack has no service called " + GATEWAY));
    }

    private void waitForExit(Process process) {
        try {
            if (!process.waitFor(SUPERVISOR_STOP.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                ProcessRef.of(process.toHandle()).terminate(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(paths.root())
                ? paths.root().relativize(absolute).toString()
                : absolute.toString();
    }

    private void say(String format, Object... args) {
        out.println(String.format(format, args));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}

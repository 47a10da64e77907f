package com.bpo.infra;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A service of the platform running from its Quarkus fast-jar ({@code <module>/target/quarkus-app/quarkus-run.jar})
 * in a child JVM of this process, on 127.0.0.1. {@link Builder#start()} returns once the service answers its
 * readiness check; {@link #stop()} sends SIGTERM, so Quarkus shuts down in order, and kills the JVM after a grace
 * period. The service's output goes to a log file, whose end is part of every failure message.
 *
 * <p>If this process dies without stopping the service (even by SIGKILL), a watchdog sends the service SIGTERM within
 * about a second, so no service outlives the benchmark or launcher that started it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ServiceProcess.class.getName());
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final int LOG_LINES_IN_ERRORS = 40;

    private final String name;
    private final Process process;
    private final Watchdog watchdog;
    private final int port;
    private final Path logFile;
    private final Duration stopGrace;

    private ServiceProcess(
            String name, Process process, Watchdog watchdog, int port, Path logFile, Duration stopGrace) {
        this.name = name;
        this.process = process;
        this.watchdog = watchdog;
        this.port = port;
        this.logFile = logFile;
        this.stopGrace = stopGrace;
    }

    /**
     * A service run with {@code java -jar runnerJar}, e.g. {@code agent-service/target/quarkus-app/quarkus-run.jar}.
     *
     * @param name the service's name, used in the log and in error messages (e.g. {@code agent-service})
     */
    public static Builder quarkusApp(String name, Path runnerJar) {
        return new Builder(name, runnerJar);
    }

    public String name() {
        return name;
    }

    /** The HTTP port the service listens on. */
    public int port() {
        return port;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    /** The service's JVM, e.g. to read the CPU time it used. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops the service: SIGTERM, then SIGKILL if it is still running after the grace period. Calling it again, or on
     * a service that has already ended, only returns the exit code.
     *
     * @return the JVM's exit code (143 after SIGTERM unless the application chose another, 137 when it was killed)
     */
    public synchronized int stop() {
        watchdog.cancel();
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(stopGrace)) {
                LOG.log(
                        Level.WARNING,
                        "{0} did not stop within {1} s of SIGTERM; killing it",
                        name,
                        stopGrace.toSeconds());
                process.destroyForcibly();
                if (!awaitExit(KILL_WAIT)) {
                    throw new InfraException(name + " (pid " + process.pid() + ") survived SIGKILL");
                }
            }
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        stop();
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + name + ", pid " + process.pid() + ", " + url() + "]";
    }

    /** How to run one service. */
    public static final class Builder {

        private final String name;
        private final Path runnerJar;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private String maxHeap = "512m";
        private int httpPort;
        private Path logFile;
        private String readinessPath = "/q/health/ready";
        private Duration startTimeout = Duration.ofSeconds(120);
        private Duration stopGrace = Duration.ofSeconds(30);

        private Builder(String name, Path runnerJar) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a service needs a name");
            }
            this.name = name;
            this.runnerJar = Objects.requireNonNull(runnerJar, "runnerJar").toAbsolutePath();
        }

        /** An environment variable of the service, on top of this process's environment. */
        public Builder environment(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** A {@code -D} system property; it wins over {@code application.properties} and environment variables. */
        public Builder systemProperty(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        /** The JVM's maximum heap, as for {@code -Xmx} (e.g. {@code 1g}); {@code 512m} by default. */
        public Builder maxHeap(String size) {
            this.maxHeap = Objects.requireNonNull(size, "size");
            return this;
        }

        /** Another JVM option (e.g. {@code -XX:+UseParallelGC}), before {@code -jar}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** The HTTP port ({@code quarkus.http.port}); 0, the default, picks a free one. */
        public Builder httpPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.httpPort = port;
            return this;
        }

        /** Where the service's standard output and error go (replaced on start). Required. */
        public Builder logFile(Path file) {
            this.logFile = file.toAbsolutePath();
            return this;
        }

        /** The path that answers 200 once the service is ready; {@code /q/health/ready} by default. */
        public Builder readinessPath(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("readiness path must start with /: " + path);
            }
            this.readinessPath = path;
            return this;
        }

        /** How long the service may take to get ready; 120 s by default. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long {@link ServiceProcess#stop()} waits after SIGTERM before it kills the JVM; 30 s by default. */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /**
         * Starts the service and waits until its readiness check answers 200.
         *
         * @throws InfraException naming the service and its log file (with the log's last lines) if the JVM ends or
         *     the service is not ready in time; the JVM is stopped before the exception is thrown
         */
        public ServiceProcess start() {
            if (logFile == null) {
                throw new IllegalStateException(name + ": logFile is required");
            }
            if (!Files.isRegularFile(runnerJar)) {
                throw new InfraException(name + ": no runner jar at " + runnerJar
                        + "; build the service first (./mvnw -pl <module> -am package -DskipTests)");
            }
            int port = Ports.orFree(httpPort);
            Ports.requireFree(port, name + " HTTP");
            Process process;
            Watchdog watchdog;
            try {
                Files.createDirectories(logFile.getParent());
                ProcessBuilder builder = new ProcessBuilder(command(port))
                        .directory(runnerJar.getParent().toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
                builder.environment().putAll(environment);
                process = builder.start();
                watchdog = Watchdog.start(ProcessRef.current(), ProcessRef.of(process.toHandle()), "TERM");
            } catch (IOException e) {
                throw new InfraException("cannot start " + name + " from " + runnerJar, e);
            }
            // A service that ends by itself must not leave a watchdog behind that could later signal a reused pid.
            process.onExit().thenRun(watchdog::cancel);
            ServiceProcess service = new ServiceProcess(name, process, watchdog, port, logFile, stopGrace);
            LOG.log(
                    Level.INFO,
                    "{0} starting as pid {1} on port {2}",
                    name,
                    String.valueOf(process.pid()),
                    String.valueOf(port));
            awaitReady(service);
            return service;
        }

        private List<String> command(int port) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + maxHeap);
            command.addAll(jvmOptions);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("quarkus.http.host", Ports.LOOPBACK);
            properties.putAll(systemProperties);
            // The port is the one readiness is polled on, so it is not left to the caller's properties.
            properties.put("quarkus.http.port", Integer.toString(port));
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(runnerJar.toString());
            return command;
        }

        private void awaitReady(ServiceProcess service) {
            URI readiness = URI.create(service.url() + readinessPath);
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            long begin = System.nanoTime();
            long deadline = begin + startTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!service.process.isAlive()) {
                    throw new InfraException(name + " exited with code " + service.process.exitValue()
                            + " before it was ready; last lines of its log " + logFile + ":" + System.lineSeparator()
                            + FileTrees.tail(logFile, LOG_LINES_IN_ERRORS));
                }
                if (HttpProbe.answersOk(client, readiness, Duration.ofSeconds(5))) {
                    LOG.log(
                            Level.INFO,
                            "{0} ready in {1} ms at {2}",
                            name,
                            String.valueOf((System.nanoTime() - begin) / 1_000_000),
                            service.url());
                    return;
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    service.stop();
                    throw new InfraException("interrupted while waiting for " + name + " to get ready");
                }
            }
            service.stop();
            throw new InfraException(name + " was not ready within " + startTimeout.toSeconds() + " s (" + readiness
                    + "); stopped it; last lines of its log " + logFile + ":" + System.lineSeparator()
                    + FileTrees.tail(logFile, LOG_LINES_IN_ERRORS));
        }
    }
}

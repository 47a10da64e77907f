package com.bpo.local;

import com.bpo.infra.InfraCli;
import com.bpo.infra.ProcessRef;
import com.bpo.infra.ServerKind;
import com.bpo.infra.ServerLauncher;
import com.bpo.infra.ServerState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka, PostgreSQL and Keycloak of the stack, through libs/infra: started by its command line ({@link InfraCli}, in a
 * child JVM, on the fixed ports plus the stack's offset, with the data directory {@code <home>/data}), found and
 * stopped through {@link ServerLauncher} on the same state directory, so {@code libs/infra/infra status} shows the
 * same servers.
 */
final class InfraServers {

    /** The servers' fixed ports (ARCHITECTURE section 8), before the stack's port offset. */
    static final int KAFKA_PORT = 19092;

    static final int POSTGRES_PORT = 15432;
    static final int KEYCLOAK_PORT = 8180;

    private static final Pattern STARTED = Pattern.compile("(kafka|postgres|keycloak) started in (\\S+) ms: (.+)$");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final StackPaths paths;
    private final int portOffset;
    private final ServerLauncher launcher;

    InfraServers(StackPaths paths, int portOffset) {
        this.paths = paths;
        this.portOffset = portOffset;
        this.launcher = new ServerLauncher(paths.infraState(), null);
    }

    /** The state files of the servers, live or stale, by kind. */
    Map<ServerKind, ServerState> states() {
        Map<ServerKind, ServerState> states = new EnumMap<>(ServerKind.class);
        for (ServerKind kind : ServerKind.values()) {
            ServerState.read(paths.infraState(), kind).ifPresent(state -> states.put(kind, state));
        }
        return states;
    }

    /** The daemons that run now, by kind. */
    Map<ServerKind, ProcessRef> runningDaemons() {
        Map<ServerKind, ProcessRef> daemons = new EnumMap<>(ServerKind.class);
        for (ServerKind kind : ServerKind.values()) {
            launcher.running(kind).ifPresent(state -> daemons.put(kind, state.daemon()));
        }
        return daemons;
    }

    /**
     * Starts the servers that do not run (the others are reused) and creates the missing service databases, printing a
     * line per server as it gets ready.
     */
    void start(List<String> databases, PrintStream out) {
        List<String> arguments = startArguments(databases);
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        Process cli = startCli(arguments, ProcessBuilder.Redirect.DISCARD);
        Thread relay = new Thread(() -> relay(cli, errors, out), "infra-cli-output");
        relay.setDaemon(true);
        relay.start();
        long begin = System.nanoTime();
        int exit = awaitExit(cli, begin, out);
        joinQuietly(relay);
        if (exit != 0) {
            throw new StackException("starting the servers failed (exit code " + exit + "):" + System.lineSeparator()
                    + String.join(System.lineSeparator(), lastLines(errors, 60)));
        }
    }

    /** The command line's {@code start} arguments: this stack's state and data folders and ports, always explicit. */
    List<String> startArguments(List<String> databases) {
        List<String> arguments = new ArrayList<>(List.of(
                "start",
                "--state-dir",
                paths.infraState().toString(),
                "--data-dir",
                paths.data().toString(),
                "--realm",
                paths.realmFile().toString(),
                "--kafka-port",
                Integer.toString(KAFKA_PORT + portOffset),
                "--postgres-port",
                Integer.toString(POSTGRES_PORT + portOffset),
                "--keycloak-port",
                Integer.toString(KEYCLOAK_PORT + portOffset)));
        if (!databases.isEmpty()) {
            arguments.add("--databases");
            arguments.add(String.join(",", databases));
        }
        return arguments;
    }

    /** The running servers' endpoints and databases. */
    InfraStatus status() {
        Process cli = startCli(
                List.of("status", "--json", "--state-dir", paths.infraState().toString()), null);
        try {
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readQuietly(cli.getErrorStream()));
            String json = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cli.waitFor(60, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                cli.destroyForcibly();
                throw new StackException("cannot read the servers' status: " + errors.join());
            }
            return InfraStatus.parse(json);
        } catch (IOException e) {
            throw new StackException("cannot read the servers' status", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while reading the servers' status");
        }
    }

    /** Stops the given servers together (each daemon stops its server), printing a line per server. */
    void stop(Collection<ServerKind> kinds, PrintStream out) {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServerKind kind : kinds) {
            stopping.add(CompletableFuture.runAsync(() -> {
                Optional<ServerState> stopped = launcher.stop(kind);
                stopped.ifPresent(state -> out.printf("  %-18s stopped%n", kind.id()));
            }));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    }

    private Process startCli(List<String> arguments, ProcessBuilder.Redirect output) {
        List<String> command = new ArrayList<>(JavaCommand.smallJvm("256m"));
        command.add("-Dbpo.infra.home=" + paths.root());
        command.add("-Djava.util.logging.SimpleFormatter.format=%4$s: %5$s%6$s%n");
        command.add("-cp");
        command.add(JavaCommand.classpath());
        command.add(InfraCli.class.getName());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(paths.root().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (output != null) {
            builder.redirectOutput(output);
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new StackException("cannot run the libs/infra command line", e);
        }
    }

    private static void relay(Process cli, List<String> errors, PrintStream out) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(cli.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                errors.add(line);
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    out.printf(
                            "  %-18s ready at %s (%s)%n",
                            started.group(1),
                            started.group(3),
                            Durations.format(Duration.ofMillis(
                                    Long.parseLong(started.group(2).replaceAll("\\D", "")))));
                }
            }
        } catch (IOException e) {
            errors.add("(output of the libs/infra command line lost: " + e + ")");
        }
    }

    private static int awaitExit(Process cli, long begin, PrintStream out) {
        try {
            while (!cli.waitFor(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                out.printf(
                        "  %-18s still starting (%s) ...%n",
                        "servers", Durations.format(Duration.ofNanos(System.nanoTime() - begin)));
            }
            return cli.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cli.destroy();
            throw new StackException("interrupted while starting the servers");
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readQuietly(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static List<String> lastLines(List<String> lines, int count) {
        synchronized (lines) {
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }
}

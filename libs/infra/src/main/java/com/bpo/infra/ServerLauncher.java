package com.bpo.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts, finds and stops the server daemons that share one state directory. Starting is serialised by a file
 * lock per server kind, so concurrent JVMs of one build start each server once and the others reuse it.
 */
public final class ServerLauncher {

    private static final Logger LOG = System.getLogger(ServerLauncher.class.getName());
    private static final Duration POLL = Duration.ofMillis(100);
    // A JVM cannot take the same file lock twice; threads of one JVM queue here first.
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path stateDir;
    private final ProcessRef owner;

    /**
     * @param stateDir where the state files, logs and temporary data live
     * @param owner the process whose end stops the daemons this launcher starts; null to run until stopped
     */
    public ServerLauncher(Path stateDir, ProcessRef owner) {
        this.stateDir = stateDir.toAbsolutePath().normalize();
        this.owner = owner;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The running server that serves {@code spec}, started first if there is none (or the one there is stale). */
    public ServerState ensureRunning(ServerSpec spec) {
        Path lockFile = stateDir.resolve(spec.kind().id() + ".lock");
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(stateDir);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock fileLock = channel.lock()) {
                Optional<ServerState> existing = ServerState.read(stateDir, spec.kind());
                if (existing.isPresent()) {
                    ServerState state = existing.get();
                    if (state.daemon().isAlive() && spec.isServedBy(state) && answers(state)) {
                        return state;
                    }
                    LOG.log(
                            Level.INFO,
                            "replacing {0} daemon {1}: gone, stale or serving another spec",
                            spec.kind().id(),
                            state.daemon().pid());
                    stopDaemon(state);
                }
                return spawn(spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.kind().id() + " in " + stateDir, e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** The state of a running daemon of {@code kind}, if there is one. */
    public Optional<ServerState> running(ServerKind kind) {
        return ServerState.read(stateDir, kind).filter(state -> state.daemon().isAlive());
    }

    /**
     * Stops the daemon of {@code kind} (SIGTERM; it stops its server and deletes its state), and any server process
     * its state names that still runs afterwards.
     *
     * @return the state of the daemon that was stopped, if one was running
     */
    public Optional<ServerState> stop(ServerKind kind) {
        Optional<ServerState> state = ServerState.read(stateDir, kind);
        state.ifPresent(this::stopDaemon);
        return state;
    }

    private void stopDaemon(ServerState state) {
        if (!state.daemon().terminate(Duration.ofSeconds(60))) {
            LOG.log(Level.WARNING, "daemon {0} did not stop", state.daemon().pid());
        }
        for (ProcessRef server : state.servers()) {
            if (server.isAlive()) {
                LOG.log(Level.WARNING, "stopping leftover {0} process {1}", state.kind(), server.pid());
                server.terminate(Duration.ofSeconds(20));
            }
        }
        try {
            ServerState.delete(stateDir, state.serverKind());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers(ServerState state) {
        return switch (state.serverKind()) {
            case KAFKA -> KafkaEndpoint.from(state).answers();
            case POSTGRES -> PostgresEndpoint.from(state).answers();
            case KEYCLOAK -> KeycloakEndpoint.from(state).answers();
        };
    }

    private ServerState spawn(ServerSpec spec) throws IOException {
        ServerKind kind = spec.kind();
        Path log = stateDir.resolve(kind.id() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Zonky unpacks the PostgreSQL binaries (xz) in the daemon; the other daemons only wait and poll.
                kind == ServerKind.POSTGRES ? "-Xmx256m" : "-Xmx96m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-Dbpo.infra.cache-dir=" + Caches.root(),
                "-cp",
                InfraArtifacts.daemonClasspath(),
                ServerDaemon.class.getName()));
        command.addAll(spec.toArguments(stateDir, owner));
        long begin = System.nanoTime();
        Process daemon = new ProcessBuilder(command)
                .directory(stateDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        ProcessRef daemonRef = ProcessRef.of(daemon.toHandle());
        long deadline = begin + kind.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ServerState> state = ServerState.read(stateDir, kind);
            if (state.isPresent() && state.get().daemon().pid() == daemon.pid()) {
                LOG.log(
                        Level.INFO,
                        "{0} started in {1} ms: {2}:{3}",
                        kind.id(),
                        (System.nanoTime() - begin) / 1_000_000,
                        state.get().host(),
                        String.valueOf(state.get().port()));
                return state.get();
            }
            if (!daemon.isAlive()) {
                throw new InfraException(kind.id() + " daemon exited with code " + daemon.exitValue()
                        + " before its server answered; last lines of " + log + ":" + System.lineSeparator()
                        + FileTrees.tail(log, 40));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                daemonRef.terminate(Duration.ofSeconds(30));
                throw new InfraException("interrupted while starting " + kind.id());
            }
        }
        daemonRef.terminate(Duration.ofSeconds(30));
        throw new InfraException(
                kind.id() + " did not answer within " + kind.startTimeout().toSeconds() + " s; last lines of " + log
                        + ":" + System.lineSeparator() + FileTrees.tail(log, 40));
    }
}

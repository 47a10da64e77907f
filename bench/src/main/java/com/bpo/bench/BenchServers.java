package com.bpo.bench;

import com.bpo.infra.KafkaEndpoint;
import com.bpo.infra.KeycloakEndpoint;
import com.bpo.infra.PostgresEndpoint;
import com.bpo.infra.ProcessRef;
import com.bpo.infra.ServerKind;
import com.bpo.infra.ServerLauncher;
import com.bpo.infra.ServerSpec;
import com.bpo.infra.ServerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Kafka, PostgreSQL and Keycloak for one benchmark run, in state and data directories of the benchmark's own (never
 * the build's or the local stack's servers) on free ports. This process owns them: they stop when it ends, also
 * when it is killed, and {@link #close()} stops them at once.
 *
 * <p>Kafka and PostgreSQL start from empty data directories on every run. They keep their data on disk like a
 * production server, so PostgreSQL runs with fsync on (libs/infra's throw-away test servers run without it); Kafka,
 * as in production, leaves flushing to the operating system and relies on acknowledgements. Keycloak keeps its data
 * between runs, which only saves the realm import.
 */
final class BenchServers implements AutoCloseable {

    private final ServerLauncher launcher;
    private final ServerState kafka;
    private final ServerState postgres;
    private final ServerState keycloak;

    private BenchServers(ServerLauncher launcher, ServerState kafka, ServerState postgres, ServerState keycloak) {
        this.launcher = launcher;
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
    }

    /** Starts the three servers in parallel; {@code realmFile} is imported into Keycloak. */
    static BenchServers start(Path workDir, Path realmFile) {
        ServerLauncher launcher = new ServerLauncher(workDir.resolve("infra"), ProcessRef.current());
        Path dataDir = workDir.resolve("data");
        // A run that was killed left its daemons' data behind; they stopped when their owner died.
        for (ServerKind kind : ServerKind.values()) {
            launcher.stop(kind);
        }
        deleteTree(dataDir.resolve(ServerKind.KAFKA.id()));
        deleteTree(dataDir.resolve(ServerKind.POSTGRES.id()));
        CompletableFuture<ServerState> kafka = CompletableFuture.supplyAsync(
                () -> launcher.ensureRunning(ServerSpec.kafka().withDataDir(dataDir)));
        CompletableFuture<ServerState> postgres = CompletableFuture.supplyAsync(
                () -> launcher.ensureRunning(ServerSpec.postgres().withDataDir(dataDir)));
        CompletableFuture<ServerState> keycloak = CompletableFuture.supplyAsync(() ->
                launcher.ensureRunning(ServerSpec.keycloak(List.of(realmFile)).withDataDir(dataDir)));
        try {
            CompletableFuture.allOf(kafka, postgres, keycloak).join();
        } catch (CompletionException e) {
            for (ServerKind kind : ServerKind.values()) {
                launcher.stop(kind);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return new BenchServers(launcher, kafka.join(), postgres.join(), keycloak.join());
    }

    // The endpoints' own factories from a state are not public; these read the same state properties.
    KafkaEndpoint kafka() {
        return new KafkaEndpoint(kafka.property("bootstrap.servers"), kafka.host(), kafka.port());
    }

    PostgresEndpoint postgres() {
        return new PostgresEndpoint(
                postgres.host(),
                postgres.port(),
                postgres.property("superuser"),
                postgres.property("superuser.password"));
    }

    KeycloakEndpoint keycloak() {
        String realms = keycloak.property("realms");
        return new KeycloakEndpoint(
                keycloak.property("url"),
                keycloak.port(),
                Integer.parseInt(keycloak.property("management.port")),
                keycloak.property("admin.username"),
                keycloak.property("admin.password"),
                realms.isEmpty() ? List.of() : List.of(realms.split(",")));
    }

    /** The processes that do a server's work (Kafka's broker JVM, the postmaster, Keycloak), for CPU accounting. */
    List<ProcessHandle> serverProcesses(ServerKind kind) {
        ServerState state =
                switch (kind) {
                    case KAFKA -> kafka;
                    case POSTGRES -> postgres;
                    case KEYCLOAK -> keycloak;
                };
        List<ProcessHandle> processes = new ArrayList<>();
        for (ProcessRef server : state.servers()) {
            server.handle().ifPresent(processes::add);
        }
        return processes;
    }

    Path stateDir() {
        return launcher.stateDir();
    }

    @Override
    public void close() {
        for (ServerKind kind : ServerKind.values()) {
            launcher.stop(kind);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + root, e);
        }
    }
}

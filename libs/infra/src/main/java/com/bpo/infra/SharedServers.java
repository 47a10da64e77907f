package com.bpo.infra;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The servers tests share. The first caller of a build starts a server (in a daemon JVM); every later caller of
 * the same build, in this JVM or another module's, reuses it after checking that it answers. The servers stop when
 * the build's Maven process ends (or the test JVM, when there is no Maven process above it).
 *
 * <p>State lives in {@code <bpo.infra.state-dir>/<owner pid>/}: the root pom passes {@code target/infra} of the
 * root project; without the property, {@code <java.io.tmpdir>/bpo-infra}. Servers listen on free ports of
 * 127.0.0.1, so a local stack on its fixed ports never clashes with them.
 */
public final class SharedServers {

    private static final System.Logger LOG = System.getLogger(SharedServers.class.getName());
    private static final AtomicBoolean STALE_DIRS_REMOVED = new AtomicBoolean();

    private SharedServers() {}

    /** A single-node Kafka with the platform's topics (6 partitions each, {@code org.events} compacted) and their {@code .dlq} topics. */
    public static KafkaEndpoint kafka() {
        return KafkaEndpoint.from(launcher().ensureRunning(ServerSpec.kafka()));
    }

    /** A PostgreSQL server; create a service's database with {@link PostgresEndpoint#createServiceDatabase}. */
    public static PostgresEndpoint postgres() {
        return PostgresEndpoint.from(launcher().ensureRunning(ServerSpec.postgres()));
    }

    /** A Keycloak that imported {@code realmFile} (e.g. {@code deploy/keycloak/bpo-realm.json}). */
    public static KeycloakEndpoint keycloak(Path realmFile) {
        return keycloak(List.of(realmFile));
    }

    /** A Keycloak that imported the given realm files; a running one that imported others is replaced. */
    public static KeycloakEndpoint keycloak(List<Path> realmFiles) {
        return KeycloakEndpoint.from(launcher().ensureRunning(ServerSpec.keycloak(realmFiles)));
    }

    /** The launcher for this build's shared servers. */
    public static ServerLauncher launcher() {
        ProcessRef owner = Owners.ofThisProcess();
        Path root = stateRoot();
        if (STALE_DIRS_REMOVED.compareAndSet(false, true)) {
            removeStaleStateDirs(root, owner.pid());
        }
        return new ServerLauncher(root.resolve(Long.toString(owner.pid())), owner);
    }

    /** Deletes the state directories of earlier builds whose owner and daemons are all gone. */
    static void removeStaleStateDirs(Path root, long currentOwner) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.matches("\\d+") || Long.parseLong(name) == currentOwner) {
                    continue;
                }
                if (ProcessHandle.of(Long.parseLong(name)).isEmpty() && !hasLiveDaemon(dir)) {
                    FileTrees.deleteQuietly(dir);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot clean up old state in " + root + ": " + e);
        }
    }

    private static boolean hasLiveDaemon(Path dir) {
        for (ServerKind kind : ServerKind.values()) {
            try {
                if (ServerState.read(dir, kind)
                        .map(state -> state.daemon().isAlive())
                        .orElse(false)) {
                    return true;
                }
            } catch (InfraException e) {
                // An unreadable state file belongs to no live daemon we could reach anyway.
            }
        }
        return false;
    }

    static Path stateRoot() {
        String configured = System.getProperty("bpo.infra.state-dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "bpo-infra");
    }
}

package com.bpo.infra;

import com.bpo.contracts.Topics;
import com.bpo.contracts.Topics.TopicSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a server daemon is asked to run.
 *
 * @param kind the server kind
 * @param port the main port; 0 picks a free port
 * @param dataDir where the server keeps its data across restarts; null for a temporary directory deleted on stop
 * @param topics Kafka only: topics created on start
 * @param realmFiles Keycloak only: realm files imported on start
 */
public record ServerSpec(ServerKind kind, int port, Path dataDir, List<TopicSpec> topics, List<Path> realmFiles) {

    public ServerSpec {
        Objects.requireNonNull(kind, "kind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        dataDir = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
        topics = List.copyOf(topics);
        realmFiles = realmFiles.stream()
                .map(file -> file.toAbsolutePath().normalize())
                .toList();
    }

    /** Kafka on a free port with the platform's topics and their dead-letter topics, data deleted on stop. */
    public static ServerSpec kafka() {
        return new ServerSpec(ServerKind.KAFKA, 0, null, Topics.ALL_WITH_DEAD_LETTERS, List.of());
    }

    /** PostgreSQL on a free port, data deleted on stop. */
    public static ServerSpec postgres() {
        return new ServerSpec(ServerKind.POSTGRES, 0, null, List.of(), List.of());
    }

    /** Keycloak on a free port importing the given realm files, data deleted on stop. */
    public static ServerSpec keycloak(List<Path> realmFiles) {
        return new ServerSpec(ServerKind.KEYCLOAK, 0, null, List.of(), realmFiles);
    }

    public ServerSpec withPort(int newPort) {
        return new ServerSpec(kind, newPort, dataDir, topics, realmFiles);
    }

    public ServerSpec withDataDir(Path newDataDir) {
        return new ServerSpec(kind, port, newDataDir, topics, realmFiles);
    }

    /** The daemon's command line arguments after its main class. */
    List<String> toArguments(Path stateDir, ProcessRef owner) {
        List<String> args = new ArrayList<>();
        args.add("--kind=" + kind.id());
        args.add("--state-dir=" + stateDir.toAbsolutePath());
        args.add("--port=" + port);
        if (owner != null) {
            args.add("--owner=" + owner.pid() + ":" + owner.startMillis());
        }
        if (dataDir != null) {
            args.add("--data-dir=" + dataDir);
        }
        for (TopicSpec topic : topics) {
            args.add("--topic=" + topic.name() + ":" + topic.partitions() + ":"
                    + (topic.compacted() ? "compact" : "delete"));
        }
        for (Path realm : realmFiles) {
            args.add("--realm=" + realm);
        }
        return args;
    }

    /** Whether a running server started from {@code state} serves what this spec asks for. */
    boolean isServedBy(ServerState state) {
        if (!state.kind().equals(kind.id())) {
            return false;
        }
        if (port != 0 && state.port() != port) {
            return false;
        }
        String runningDataDir = state.properties().getOrDefault("data.dir.persistent", "");
        if (dataDir != null && !runningDataDir.equals(dataDir.toString())) {
            return false;
        }
        if (kind == ServerKind.KEYCLOAK) {
            return state.properties().getOrDefault("realm.files", "").equals(realmFilesProperty(realmFiles));
        }
        return true;
    }

    static String realmFilesProperty(List<Path> files) {
        return String.join(",", files.stream().map(Path::toString).sorted().toList());
    }
}

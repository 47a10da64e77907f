package com.bpo.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a server daemon publishes in {@code <stateDir>/<kind>.json} once its server answers: where the server
 * listens, which processes belong to it and the credentials to use. The file is readable by its owner only.
 *
 * @param kind the server kind's id
 * @param daemon the daemon process
 * @param servers the server processes the daemon started (broker JVM, postmaster, Keycloak)
 * @param owner the process whose end stops the daemon; null when the daemon runs until stopped
 * @param host the address the server listens on
 * @param port the server's main port
 * @param properties everything else a client needs (credentials, URLs, directories)
 * @param logFile the daemon's log file
 */
public record ServerState(
        String kind,
        ProcessRef daemon,
        List<ProcessRef> servers,
        ProcessRef owner,
        String host,
        int port,
        Map<String, String> properties,
        String logFile) {

    // Record components only: helpers such as ProcessRef.isAlive() are not state.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public ServerState {
        servers = List.copyOf(servers);
        properties = Map.copyOf(properties);
    }

    public ServerKind serverKind() {
        return ServerKind.fromId(kind);
    }

    public String property(String name) {
        String value = properties.get(name);
        if (value == null) {
            throw new InfraException(kind + " state has no property '" + name + "'");
        }
        return value;
    }

    public static Path file(Path stateDir, ServerKind kind) {
        return stateDir.resolve(kind.id() + ".json");
    }

    /** Reads the state file of {@code kind}, if there is one. A half-written file cannot be seen (atomic rename). */
    public static Optional<ServerState> read(Path stateDir, ServerKind kind) {
        Path file = file(stateDir, kind);
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), ServerState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InfraException("cannot read " + file, e);
        }
    }

    /** Writes the state file atomically: readers see either no file or the complete one. */
    public void write(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path target = file(stateDir, serverKind());
        Path temp = stateDir.resolve(kind + ".json.tmp");
        Files.write(temp, JSON.writeValueAsBytes(this));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // The state holds passwords.
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the state file if it still describes this daemon (a newer daemon may have replaced it). */
    public static void deleteIfOwnedBy(Path stateDir, ServerKind kind, ProcessRef daemon) {
        try {
            Optional<ServerState> current = read(stateDir, kind);
            if (current.isPresent() && current.get().daemon().equals(daemon)) {
                Files.deleteIfExists(file(stateDir, kind));
            }
        } catch (IOException | InfraException e) {
            DaemonLog.warn("cannot delete state of " + kind.id() + ": " + e);
        }
    }

    public static void delete(Path stateDir, ServerKind kind) throws IOException {
        Files.deleteIfExists(file(stateDir, kind));
    }
}

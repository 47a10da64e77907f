package com.bpo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleStateTest {

    // Above the largest pid Linux hands out (2^22), so no process can have it.
    private static final String GONE_OWNER = "99999999";

    @TempDir
    Path root;

    @Test
    void stateOfAnEndedBuildIsRemoved() throws IOException {
        Path old = Files.createDirectories(root.resolve(GONE_OWNER));
        Files.writeString(old.resolve("kafka.log"), "old log");

        SharedServers.removeStaleStateDirs(root, ProcessHandle.current().pid());

        assertThat(old).doesNotExist();
    }

    @Test
    void stateOfARunningOwnerOrALiveDaemonIsKept() throws IOException {
        Path running = Files.createDirectories(
                root.resolve(Long.toString(ProcessHandle.current().pid())));
        Path liveDaemon = Files.createDirectories(root.resolve(GONE_OWNER));
        new ServerState("kafka", ProcessRef.current(), List.of(), null, "127.0.0.1", 1, Map.of(), "kafka.log")
                .write(liveDaemon);
        Path notAnOwner = Files.createDirectories(root.resolve("notes"));

        SharedServers.removeStaleStateDirs(root, 1);

        assertThat(running).exists();
        assertThat(liveDaemon).exists();
        assertThat(notAnOwner).exists();
    }

    @Test
    void stateFileRoundTripsAndIsPrivate() throws IOException {
        ServerState state = new ServerState(
                "postgres",
                ProcessRef.current(),
                List.of(new ProcessRef(42, 7)),
                null,
                "127.0.0.1",
                15432,
                Map.of("superuser.password", "secret"),
                "postgres.log");

        state.write(root);

        assertThat(ServerState.read(root, ServerKind.POSTGRES)).contains(state);
        assertThat(Files.getPosixFilePermissions(ServerState.file(root, ServerKind.POSTGRES)))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(Files.readString(ServerState.file(root, ServerKind.POSTGRES)))
                .doesNotContain("alive");
    }
}

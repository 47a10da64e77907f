package com.bpo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daemons in a state directory of their own, so that these tests never touch the build's shared servers. */
class DaemonLifecycleTest {

    @TempDir
    Path stateDir;

    private ServerLauncher launcher;

    @AfterEach
    void stopEverything() {
        if (launcher != null) {
            for (ServerKind kind : ServerKind.values()) {
                launcher.stop(kind);
            }
        }
    }

    @Test
    void daemonStopsItsServerAndLeavesNothingWhenItsOwnerEnds() throws IOException {
        Process owner = new ProcessBuilder("sleep", "300").start();
        launcher = new ServerLauncher(stateDir, ProcessRef.of(owner.toHandle()));
        ServerState state = launcher.ensureRunning(ServerSpec.postgres());
        ProcessRef postmaster = state.servers().get(0);
        assertThat(PostgresEndpoint.from(state).answers()).isTrue();
        assertThat(postmaster.isAlive()).isTrue();

        owner.destroy();

        await().atMost(Duration.ofSeconds(30)).until(() -> !state.daemon().isAlive() && !postmaster.isAlive());
        assertThat(ServerState.file(stateDir, ServerKind.POSTGRES)).doesNotExist();
        assertThat(stateDir.resolve("postgres-data")).doesNotExist();
        assertThat(Ports.accepts(state.host(), state.port())).isFalse();
    }

    @Test
    void postmasterStopsWhenItsDaemonIsKilled() {
        launcher = new ServerLauncher(stateDir, ProcessRef.current());
        ServerState state = launcher.ensureRunning(ServerSpec.postgres());
        ProcessRef postmaster = state.servers().get(0);

        state.daemon().handle().orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).until(() -> !postmaster.isAlive());
        assertThat(Ports.accepts(state.host(), state.port())).isFalse();
    }

    @Test
    void brokerStopsWhenItsDaemonIsKilled() {
        launcher = new ServerLauncher(stateDir, ProcessRef.current());
        ServerState state = launcher.ensureRunning(ServerSpec.kafka());
        ProcessRef broker = state.servers().get(0);
        assertThat(KafkaEndpoint.from(state).answers()).isTrue();

        state.daemon().handle().orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(60)).until(() -> !broker.isAlive());
    }

    @Test
    void serverOfAKilledDaemonIsReplacedOnTheNextRequest() {
        launcher = new ServerLauncher(stateDir, ProcessRef.current());
        ServerState first = launcher.ensureRunning(ServerSpec.postgres());
        first.daemon().handle().orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !first.servers().get(0).isAlive());

        ServerState second = launcher.ensureRunning(ServerSpec.postgres());

        assertThat(second.daemon()).isNotEqualTo(first.daemon());
        assertThat(PostgresEndpoint.from(second).answers()).isTrue();
    }

    @Test
    void stopEndsDaemonAndServerAndDeletesTheState() {
        launcher = new ServerLauncher(stateDir, null);
        ServerState state = launcher.ensureRunning(ServerSpec.postgres());

        assertThat(launcher.stop(ServerKind.POSTGRES)).contains(state);

        assertThat(state.daemon().isAlive()).isFalse();
        assertThat(state.servers()).noneMatch(ProcessRef::isAlive);
        assertThat(launcher.running(ServerKind.POSTGRES)).isEmpty();
    }

    @Test
    void failedStartReportsTheEndOfTheDaemonLog() throws IOException {
        launcher = new ServerLauncher(stateDir, ProcessRef.current());
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getByName(Ports.LOOPBACK))) {
            ServerSpec spec = ServerSpec.postgres().withPort(taken.getLocalPort());

            assertThatThrownBy(() -> launcher.ensureRunning(spec))
                    .isInstanceOf(InfraException.class)
                    .hasMessageContaining("postgres daemon exited")
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
        }
    }
}

package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.infra.ProcessRef;
import com.bpo.local.StackState.Phase;
import com.bpo.local.StackState.ServiceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

    @TempDir
    Path dir;

    private static StackState twoWaiting(ProcessRef supervisor) {
        return new StackState(
                supervisor,
                List.of(
                        ServiceStatus.waiting("agent-service", "http://127.0.0.1:8081", Path.of("/l/agent.log")),
                        ServiceStatus.waiting("gateway", "http://127.0.0.1:8080", Path.of("/l/gateway.log"))));
    }

    /** A process that has ended: its pid no longer names it. */
    static ProcessRef endedProcess() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        ProcessRef ref = ProcessRef.of(process.toHandle());
        process.waitFor();
        return ref;
    }

    /** This JVM's pid with another start time: what a pid reused by the system looks like. */
    static ProcessRef reusedPid() {
        return new ProcessRef(ProcessHandle.current().pid(), 1_000L);
    }

    @Test
    void aWrittenStateReadsBackEqual() {
        StackState state = twoWaiting(ProcessRef.current())
                .with(ServiceStatus.waiting("agent-service", "http://127.0.0.1:8081", Path.of("/l/agent.log"))
                        .ready(ProcessRef.current(), 1234));
        Path file = dir.resolve("stack.json");

        state.write(file);

        assertThat(StackState.read(file)).contains(state);
        assertThat(dir.resolve("stack.json.tmp")).doesNotExist();
    }

    @Test
    void noFileMeansNoState() {
        assertThat(StackState.read(dir.resolve("stack.json"))).isEmpty();
    }

    @Test
    void aCorruptFileIsNamedInTheError() throws IOException {
        Path file = Files.writeString(dir.resolve("stack.json"), "{ not json");

        assertThatThrownBy(() -> StackState.read(file))
                .isInstanceOf(StackException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void withReplacesTheServiceOfTheSameNameOnly() {
        StackState state = twoWaiting(ProcessRef.current());

        StackState updated = state.with(state.service("gateway").orElseThrow().with(Phase.STARTING));

        assertThat(updated.services()).extracting(ServiceStatus::phase).containsExactly(Phase.WAITING, Phase.STARTING);
        assertThat(state.services()).extracting(ServiceStatus::phase).containsExactly(Phase.WAITING, Phase.WAITING);
    }

    @Test
    void aFailureCarriesItsMessage() {
        StackState state = twoWaiting(ProcessRef.current());
        StackState failed = state.with(
                state.service("agent-service").orElseThrow().failed(Phase.FAILED, "agent-service exited with code 1"));

        assertThat(failed.failure()).map(ServiceStatus::message).contains("agent-service exited with code 1");
        assertThat(state.failure()).isEmpty();
    }

    @Test
    void theStackIsUpOnlyWhenEveryServiceIsReadyAndAlive() {
        StackState state = twoWaiting(ProcessRef.current());
        StackState allReady = state.with(state.services().get(0).ready(ProcessRef.current(), 1))
                .with(state.services().get(1).ready(ProcessRef.current(), 1));

        assertThat(state.isUp()).isFalse();
        assertThat(allReady.isUp()).isTrue();
    }

    @Test
    void aServiceWhosePidHasEndedIsNotRunning() throws Exception {
        ServiceStatus status = ServiceStatus.waiting("gateway", "http://127.0.0.1:8080", Path.of("/l/g.log"))
                .ready(endedProcess(), 10);

        assertThat(status.isRunning()).isFalse();
    }

    @Test
    void aServiceWhosePidWasReusedByAnotherProcessIsNotRunning() {
        ServiceStatus status = ServiceStatus.waiting("gateway", "http://127.0.0.1:8080", Path.of("/l/g.log"))
                .ready(reusedPid(), 10);

        assertThat(status.isRunning()).isFalse();
    }

    @Test
    void aStackWhoseSupervisorIsGoneIsNotUpEvenWithLiveServices() throws Exception {
        StackState state = twoWaiting(endedProcess());
        StackState allReady = state.with(state.services().get(0).ready(ProcessRef.current(), 1))
                .with(state.services().get(1).ready(ProcessRef.current(), 1));

        assertThat(allReady.isUp()).isFalse();
    }
}

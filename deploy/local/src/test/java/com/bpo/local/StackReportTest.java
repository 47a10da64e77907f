package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.infra.ProcessRef;
import com.bpo.infra.ServerKind;
import com.bpo.infra.ServerState;
import com.bpo.local.StackReport.Line;
import com.bpo.local.StackState.Phase;
import com.bpo.local.StackState.ServiceStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackReportTest {

    private static final List<StackService> GATEWAY_ONLY = List.of(StackServices.named("gateway"));

    private static ServerState server(ServerKind kind, ProcessRef daemon, ProcessRef process, int port) {
        return new ServerState(kind.id(), daemon, List.of(process), null, "127.0.0.1", port, Map.of(), "/l/x.log");
    }

    private static Optional<StackState> gatewayState(ServiceStatus status) {
        return Optional.of(new StackState(ProcessRef.current(), List.of(status)));
    }

    private static ServiceStatus gateway() {
        return ServiceStatus.waiting("gateway", "http://127.0.0.1:8080", Path.of("/l/gateway.log"));
    }

    private static Line line(List<Line> lines, String name) {
        return lines.stream()
                .filter(line -> line.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void nothingStartedReadsAsDownForEveryServerAndService() {
        List<Line> lines = StackReport.lines(Map.of(), Optional.empty(), StackServices.ALL, url -> true);

        assertThat(lines)
                .extracting(Line::name)
                .containsExactly("kafka", "postgres", "keycloak", "agent-service", "analytics-service", "gateway");
        assertThat(lines).allSatisfy(line -> assertThat(line.up()).isFalse());
        assertThat(StackReport.allUp(lines)).isFalse();
    }

    @Test
    void aRunningReadyServiceIsUpWithItsUrlAndPid() {
        ProcessRef me = ProcessRef.current();
        List<Line> lines =
                StackReport.lines(Map.of(), gatewayState(gateway().ready(me, 100)), GATEWAY_ONLY, url -> true);

        Line gateway = line(lines, "gateway");
        assertThat(gateway.up()).isTrue();
        assertThat(gateway.format()).contains("up", "http://127.0.0.1:8080", "pid " + me.pid());
    }

    @Test
    void aLiveServiceThatDoesNotAnswerIsNotReady() {
        List<Line> lines = StackReport.lines(
                Map.of(), gatewayState(gateway().ready(ProcessRef.current(), 100)), GATEWAY_ONLY, url -> false);

        assertThat(line(lines, "gateway").up()).isFalse();
        assertThat(line(lines, "gateway").detail()).contains("not ready", "./bpo logs gateway");
    }

    @Test
    void aServiceWithAStalePidIsDownAndNeverProbed() throws Exception {
        ProcessRef ended = StackStateTest.endedProcess();
        List<Line> lines = StackReport.lines(Map.of(), gatewayState(gateway().ready(ended, 100)), GATEWAY_ONLY, url -> {
            throw new AssertionError("a dead service is not probed");
        });

        assertThat(line(lines, "gateway").up()).isFalse();
        assertThat(line(lines, "gateway").detail()).isEqualTo("pid " + ended.pid() + " is gone");
    }

    @Test
    void aReusedPidDoesNotPassForTheService() {
        List<Line> lines = StackReport.lines(
                Map.of(), gatewayState(gateway().ready(StackStateTest.reusedPid(), 100)), GATEWAY_ONLY, url -> true);

        assertThat(line(lines, "gateway").up()).isFalse();
    }

    @Test
    void aFailedServiceShowsTheFirstLineOfItsMessage() {
        ServiceStatus failed = gateway().failed(Phase.FAILED, "gateway exited with code 1; log /l/gateway.log\nline 2");

        List<Line> lines = StackReport.lines(Map.of(), gatewayState(failed), GATEWAY_ONLY, url -> true);

        assertThat(line(lines, "gateway").detail()).isEqualTo("gateway exited with code 1; log /l/gateway.log");
    }

    @Test
    void aServerWithALiveDaemonAndServerIsUpWithTheServersPid() {
        ProcessRef me = ProcessRef.current();
        List<Line> lines = StackReport.lines(
                Map.of(ServerKind.KEYCLOAK, server(ServerKind.KEYCLOAK, me, me, 8180)),
                Optional.empty(),
                List.of(),
                url -> true);

        Line keycloak = line(lines, "keycloak");
        assertThat(keycloak.up()).isTrue();
        assertThat(keycloak.where()).isEqualTo("http://127.0.0.1:8180");
        assertThat(keycloak.detail()).isEqualTo("pid " + me.pid());
    }

    @Test
    void aServerStateWhoseDaemonIsGoneIsReportedStale() throws Exception {
        ProcessRef ended = StackStateTest.endedProcess();
        List<Line> lines = StackReport.lines(
                Map.of(ServerKind.KAFKA, server(ServerKind.KAFKA, ended, ended, 19092)),
                Optional.empty(),
                List.of(),
                url -> true);

        Line kafka = line(lines, "kafka");
        assertThat(kafka.up()).isFalse();
        assertThat(kafka.where()).isEqualTo("127.0.0.1:19092");
        assertThat(kafka.detail()).contains("stale", Long.toString(ended.pid()));
    }
}

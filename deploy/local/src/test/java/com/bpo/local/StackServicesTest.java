package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.infra.DbCredentials;
import com.bpo.infra.ServiceDatabase;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackServicesTest {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static ServiceDatabase database(String name) {
        return new ServiceDatabase(
                name,
                "jdbc:postgresql://127.0.0.1:15432/" + name,
                "postgresql://127.0.0.1:15432/" + name,
                new DbCredentials(name + "_owner", "owner-secret"),
                new DbCredentials(name + "_app", "app-secret"));
    }

    private static StackEndpoints endpoints() {
        return new StackEndpoints(
                "127.0.0.1:19092",
                "http://127.0.0.1:8180/realms/bpo",
                KEY,
                Map.of("agent", database("agent"), "analytics", database("analytics")),
                StackServices.gatewayRoutes(StackServices.ALL));
    }

    @Test
    void theServicesRunOnTheArchitecturePortsWithTheGatewayLast() {
        assertThat(StackServices.ALL)
                .extracting(StackService::name, StackService::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("agent-service", 8081),
                        org.assertj.core.groups.Tuple.tuple("analytics-service", 8085),
                        org.assertj.core.groups.Tuple.tuple("gateway", 8080));
    }

    @Test
    void namesAndPortsAreUnique() {
        assertThat(new HashSet<>(StackServices.names())).hasSameSizeAs(StackServices.ALL);
        assertThat(StackServices.ALL.stream().map(StackService::port).distinct())
                .hasSameSizeAs(StackServices.ALL);
    }

    @Test
    void eachServiceRunsItsModulesFastJar() {
        assertThat(StackServices.named("agent-service").runnerJar())
                .isEqualTo(Path.of("agent-service/target/quarkus-app/quarkus-run.jar"));
        assertThat(StackServices.named("agent-service").module()).isEqualTo("agent-service");
    }

    @Test
    void theDatabasesAreThoseTheServicesName() {
        assertThat(StackServices.databases(StackServices.ALL)).containsExactly("agent", "analytics");
    }

    @Test
    void aPlatformServiceGetsItsDatabaseKafkaRealmAndPiiKey() {
        Map<String, String> environment = StackServices.named("agent-service").environmentFor(endpoints());

        assertThat(environment)
                .containsEntry("BPO_AGENT_DB_URL", "postgresql://127.0.0.1:15432/agent")
                .containsEntry("BPO_AGENT_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/agent")
                .containsEntry("BPO_AGENT_DB_USER", "agent_app")
                .containsEntry("BPO_AGENT_DB_PASSWORD", "app-secret")
                .containsEntry("BPO_AGENT_DB_OWNER", "agent_owner")
                .containsEntry("BPO_AGENT_DB_OWNER_PASSWORD", "owner-secret")
                .containsEntry("BPO_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("BPO_OIDC_URL", "http://127.0.0.1:8180/realms/bpo")
                .containsEntry("BPO_PII_MASTER_KEY", KEY)
                .doesNotContainKey("BPO_ANALYTICS_DB_URL");
    }

    @Test
    void theGatewayGetsTheRealmAndARouteUrlPerRoutedService() {
        Map<String, String> environment = StackServices.named("gateway").environmentFor(endpoints());

        assertThat(environment)
                .containsOnly(
                        Map.entry("BPO_OIDC_URL", "http://127.0.0.1:8180/realms/bpo"),
                        Map.entry("BPO_GATEWAY_ROUTES_AGENT_URL", "http://127.0.0.1:8081"),
                        Map.entry("BPO_GATEWAY_ROUTES_ANALYTICS_URL", "http://127.0.0.1:8085"));
    }

    @Test
    void aNewServiceIsOneEntryThatTheGatewayRoutesTo() {
        StackService ticket = StackService.quarkus(
                "ticket-service", 8082, "ticket", "384m", "ticket", StackServices::platformService);
        List<StackService> services =
                List.of(StackServices.named("agent-service"), ticket, StackServices.named("gateway"));

        assertThat(StackServices.databases(services)).containsExactly("agent", "ticket");
        assertThat(StackServices.gatewayRoutes(services))
                .containsEntry("ticket", "http://127.0.0.1:8082")
                .doesNotContainKey("analytics");
        assertThat(ticket.runnerJar()).isEqualTo(Path.of("ticket-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void aServiceWhoseDatabaseIsMissingFailsNamingIt() {
        StackEndpoints withoutAnalytics =
                new StackEndpoints("127.0.0.1:19092", "http://127.0.0.1:8180/realms/bpo", KEY, Map.of(), Map.of());

        assertThatThrownBy(() -> StackServices.named("analytics-service").environmentFor(withoutAnalytics))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("'analytics'");
    }

    @Test
    void anUnknownServiceNameListsTheKnownOnes() {
        assertThatThrownBy(() -> StackServices.named("billing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent-service, analytics-service, gateway");
    }

    @Test
    void aPlanResolvesJarsAndLogsUnderTheRepository() {
        StackPaths paths = new StackPaths(Path.of("/repo"));

        List<ServiceLaunch> plan = ServiceLaunch.plan(StackServices.ALL, endpoints(), paths);

        ServiceLaunch agent = plan.get(0);
        assertThat(agent.runnerJar()).isEqualTo(Path.of("/repo/agent-service/target/quarkus-app/quarkus-run.jar"));
        assertThat(agent.logFile()).isEqualTo(Path.of("/repo/.bpo/logs/agent-service.log"));
        assertThat(agent.maxHeap()).isEqualTo("512m");
        assertThat(agent.url()).isEqualTo("http://127.0.0.1:8081");
        assertThat(agent.environment()).containsEntry("BPO_AGENT_DB_USER", "agent_app");
        assertThat(plan)
                .extracting(ServiceLaunch::name)
                .containsExactly("agent-service", "analytics-service", "gateway");
    }

    @Test
    void aPortOffsetMovesEveryServiceAndTheGatewaysRoutesWithIt() {
        List<StackService> moved = StackServices.withPortOffset(StackServices.ALL, 20000);

        assertThat(moved)
                .extracting(StackService::name, StackService::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("agent-service", 28081),
                        org.assertj.core.groups.Tuple.tuple("analytics-service", 28085),
                        org.assertj.core.groups.Tuple.tuple("gateway", 28080));
        assertThat(StackServices.gatewayRoutes(moved))
                .containsEntry("agent", "http://127.0.0.1:28081")
                .containsEntry("analytics", "http://127.0.0.1:28085");
    }

    @Test
    void aPlanOfAnotherHomeKeepsItsLogsThere() {
        StackPaths paths = new StackPaths(Path.of("/repo"), Path.of("/repo/system-tests/target/local-stack"));

        List<ServiceLaunch> plan = ServiceLaunch.plan(StackServices.ALL, endpoints(), paths);

        assertThat(plan.get(0).logFile())
                .isEqualTo(Path.of("/repo/system-tests/target/local-stack/logs/agent-service.log"));
        assertThat(plan.get(0).runnerJar())
                .isEqualTo(Path.of("/repo/agent-service/target/quarkus-app/quarkus-run.jar"));
    }
}

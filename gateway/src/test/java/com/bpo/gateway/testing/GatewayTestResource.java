package com.bpo.gateway.testing;

import com.bpo.infra.KeycloakEndpoint;
import com.bpo.infra.SharedServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway needs around it in a test: the platform's realm in a real Keycloak (shared by the build, see
 * {@code libs/infra}) and real HTTP servers as the services behind its routes.
 *
 * <p>Routes: {@code agent} and {@code analytics} own their production prefixes; {@code reports} owns
 * {@code /api/v1/kpis/reports}, inside analytics' {@code /api/v1/kpis}, for the longest-prefix rule; {@code ticket}
 * is stopped and started by breaker tests; {@code audit} serves the hanging and breaking answers; {@code qa} points at
 * a port where nothing listens.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String INTEGRATION_TEAHOUSE_BURST = "3";
    public static final String INTEGRATION_TEAHOUSE_RATE = "0.2";

    private Vertx vertx;
    private FakeServices services;

    @Override
    public Map<String, String> start() {
        Path realmFile = Path.of(System.getProperty("bpo.realm-file", "bpo.realm-file is not set"));
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("realm file missing: " + realmFile);
        }
        KeycloakEndpoint keycloak = SharedServers.keycloak(realmFile);

        vertx = Vertx.vertx();
        Map<String, FakeService> byRoute = new LinkedHashMap<>();
        byRoute.put("agent", new FakeService(vertx, "agent", resource("openapi/agent.json")).start());
        byRoute.put("analytics", new FakeService(vertx, "analytics", resource("openapi/analytics.json")).start());
        byRoute.put("reports", new FakeService(vertx, "reports", resource("openapi/reports.json")).start());
        byRoute.put("ticket", new FakeService(vertx, "ticket", null).start());
        byRoute.put("audit", new FakeService(vertx, "audit", null).start());
        services = new FakeServices(byRoute);

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer("bpo"));
        byRoute.forEach((route, service) -> config.put("bpo.gateway.routes." + route + ".url", service.url()));
        config.put("bpo.gateway.routes.reports.paths", "/api/v1/kpis/reports");
        config.put("bpo.gateway.routes.ticket.paths", "/api/v1/tickets,/api/v1/complaints");
        config.put("bpo.gateway.routes.audit.paths", "/api/v1/audit");
        config.put("bpo.gateway.routes.qa.url", "http://127.0.0.1:" + unusedPort());
        config.put("bpo.gateway.routes.qa.paths", "/api/v1/qa");
        config.put("bpo.gateway.circuit-breaker.failure-threshold", "3");
        config.put("bpo.gateway.circuit-breaker.open-duration", "PT1S");
        // Long enough for a reader that pauses, short enough that a hanging service costs a test two seconds.
        config.put("bpo.gateway.downstream.request-timeout", "PT2S");
        config.put("bpo.gateway.rate-limit.clients.integration-teahouse.burst", INTEGRATION_TEAHOUSE_BURST);
        config.put("bpo.gateway.rate-limit.clients.integration-teahouse.rate", INTEGRATION_TEAHOUSE_RATE);
        config.put("bpo.gateway.openapi.cache-for", "PT0.2S");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                services, new TestInjector.AnnotatedAndMatchesType(InjectFakeServices.class, FakeServices.class));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join();
        }
    }

    private static String resource(String name) {
        try (var in = GatewayTestResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port that was free a moment ago; nothing of this test listens on it. */
    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.bpo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.infra.KafkaEndpoint;
import com.bpo.infra.KeycloakEndpoint;
import com.bpo.infra.PostgresEndpoint;
import com.bpo.infra.ServiceDatabase;
import com.bpo.infra.ServiceProcess;
import com.bpo.infra.SharedServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * agent-service as it runs in production (its packaged fast-jar, real Keycloak tokens, real Kafka and PostgreSQL),
 * killed with SIGKILL right after it answered: every message it accepted is in its tables after the restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentServiceCrashTest {

    private static final String BRAND = "brand-zongzi";
    private static final String SHOP = "shop-crash-tmall";
    private static final String VENDOR = "vendor-crash";
    private static final String AGENT = "agent-crash-1";
    private static final int BATCHES = 3;
    private static final int BATCH_SIZE = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path jar;
    private Path logs;
    private PostgresEndpoint postgres;
    private ServiceDatabase database;
    private BpoRealm realm;
    private ServiceProcess service;

    @BeforeAll
    void startServersAndTheService() throws IOException {
        jar = Path.of(System.getProperty("bpo.agent-service.jar", "bpo.agent-service.jar is not set"));
        assertThat(jar)
                .as("agent-service is packaged before the system tests run")
                .isRegularFile();
        Path realmFile = Path.of(System.getProperty("bpo.realm-file", "bpo.realm-file is not set"));
        KeycloakEndpoint keycloak = SharedServers.keycloak(realmFile);
        KafkaEndpoint kafka = SharedServers.kafka();
        postgres = SharedServers.postgres();
        database = postgres.createServiceDatabase("agent_crash", true);
        realm = new BpoRealm(URI.create(keycloak.url()));
        logs = Files.createDirectories(Path.of("target", "services"));

        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        environment.putAll(database.environment("agent"));
        environment.put("BPO_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("BPO_OIDC_URL", keycloak.issuer("bpo"));
        environment.put("BPO_PII_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey));
        service = start("first");
        seedOrganisation();
    }

    @AfterAll
    void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    private ServiceProcess start(String run) {
        return ServiceProcess.quarkusApp("agent-service", jar)
                .environment(environment)
                .maxHeap("512m")
                .logFile(logs.resolve("agent-service-crash-" + run + ".log"))
                .start();
    }

    /** The organisation rows the ingestion routes by, written as the schema owner (Flyway ran at the first start). */
    private void seedOrganisation() {
        execute(
                "insert into brand (id, brand_id, name, time_zone, active, version)"
                        + " values ('brand-zongzi', 'brand-zongzi', 'Zongzi', 'Asia/Shanghai', true, 0)",
                "insert into shop (id, brand_id, platform, name, active, version)" + " values ('" + SHOP
                        + "', 'brand-zongzi', 'TMALL', 'Tmall flagship', true, 0)",
                "insert into vendor (id, name, active, version) values ('" + VENDOR + "', 'Crash Call', true, 0)",
                "insert into team (id, vendor_id, name, active, version)" + " values ('team-crash', '" + VENDOR
                        + "', 'Pre-sales', true, 0)",
                "insert into agent (id, vendor_id, team_id, user_id, display_name, skills, max_concurrency, active,"
                        + " version) values ('" + AGENT + "', '" + VENDOR + "', 'team-crash', 'crash-agent',"
                        + " 'Xiuying', '{}', 3, true, 0)",
                "insert into engagement (id, brand_id, vendor_id, shop_ids, channels, roles, service_hours,"
                        + " time_zone, sla_targets, response_threshold_seconds, conversion_window_days, attribution,"
                        + " service_level_seconds, abandon_short_seconds, active, version) values ('engagement-crash',"
                        + " 'brand-zongzi', '" + VENDOR + "', '{}', '{CHAT}', '{PRE_SALES}', '{\"windows\": []}',"
                        + " 'Asia/Shanghai', '{}', 30, 1, 'LAST_REPLIER', 20, 5, true, 0)");
    }

    @Test
    void everyMessageAcceptedBeforeAKillIsStoredAfterTheRestart() throws Exception {
        String token = realm.clientCredentials("integration-zongzi", "local-only-integration-zongzi-secret")
                .json()
                .get("access_token")
                .asText();
        Instant start = Instant.now().minusSeconds(600);
        int redacted = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            List<Map<String, Object>> messages = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                int number = batch * BATCH_SIZE + i;
                boolean customer = number % 2 == 0;
                boolean withPhone = number % 10 == 0;
                redacted += withPhone ? 1 : 0;
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("messageId", "crash-m-" + number);
                message.put("conversationId", "crash-c-" + number / 20);
                message.put("shopId", SHOP);
                message.put("customerId", "buyer-" + number / 20);
                message.put("sender", customer ? "CUSTOMER" : "AGENT");
                if (!customer) {
                    message.put("agentId", AGENT);
                }
                message.put("sentAt", start.plusSeconds(number).toString());
                message.put("text", withPhone ? "请打我电话 1381234" + String.format("%04d", number % 10_000) : "好的");
                messages.add(message);
            }
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/chat/messages"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(messages)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode counts = JSON.readTree(answer.body());
            assertThat(counts.get("accepted").asInt()).as(answer.body()).isEqualTo(BATCH_SIZE);
        }

        // SIGKILL at once after the last answer: no shutdown hook, no flush, whatever the table builder was doing.
        ProcessHandle process = service.handle();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        service.close();
        // How far the table builder had come when it died; the rest must come from Kafka after the restart.
        System.out.printf(
                "agent-service killed with %d of %d accepted messages in its tables%n",
                count("select count(*) from message where conversation_id like 'crash-%'"), BATCHES * BATCH_SIZE);

        service = start("restarted");
        int accepted = BATCHES * BATCH_SIZE;
        int expectedOriginals = redacted;
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        count("select count(*) from message where conversation_id like 'crash-%'"))
                .isEqualTo(accepted));
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        count("select count(*) from message_original where message_id like 'crash-%'"))
                .isEqualTo(expectedOriginals));
        assertThat(count("select count(*) from conversation where conversation_id like 'crash-%'"))
                .isEqualTo(accepted / 20);
        assertThat(count("select coalesce(sum(customer_messages + agent_messages + bot_messages), 0)"
                        + " from conversation where conversation_id like 'crash-%'"))
                .as("each message counted once in its conversation")
                .isEqualTo(accepted);
    }

    private long count(String sql) throws SQLException {
        try (Connection owner = postgres.connect(database.name(), database.owner())) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                statement.execute("select set_config('app.brand_ids', '*', true)");
                try (ResultSet result = statement.executeQuery(sql)) {
                    result.next();
                    long value = result.getLong(1);
                    owner.commit();
                    return value;
                }
            }
        }
    }

    private void execute(String... statements) {
        try (Connection owner = postgres.connect(database.name(), database.owner())) {
            owner.setAutoCommit(false);
            try (PreparedStatement scope = owner.prepareStatement("select set_config('app.brand_ids', '*', true)")) {
                scope.execute();
            }
            try (Statement statement = owner.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the organisation failed", e);
        }
    }
}

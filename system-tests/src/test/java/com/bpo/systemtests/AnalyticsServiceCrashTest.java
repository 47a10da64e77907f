package com.bpo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.contracts.Topics;
import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.call.CallEnded;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.infra.KafkaEndpoint;
import com.bpo.infra.KeycloakEndpoint;
import com.bpo.infra.PostgresEndpoint;
import com.bpo.infra.ServiceDatabase;
import com.bpo.infra.ServiceProcess;
import com.bpo.infra.SharedServers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * analytics-service as it runs in production (its packaged fast-jar, real Keycloak tokens, real Kafka and PostgreSQL),
 * killed with SIGKILL while it consumes a stream of facts, and restarted: its KPIs equal, numerator for numerator,
 * those of an uninterrupted run over the same records.
 *
 * <p>The uninterrupted run is the same service on a second, fresh database, started once the stream is complete and
 * reading the same topics from their start. It is preferred here to the reference computation of the service's own
 * tests for two reasons: that code is test code of another module (not reachable from here without a test-jar), and
 * the second run reads exactly the records the killed one read, so the comparison isolates what the kill changed,
 * whatever else the shared topics hold. That the numbers are the traffic's, not merely equal, is checked on counts the
 * traffic fixes (inquiries, inbound calls) and on every KPI family having records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsServiceCrashTest {

    /** The brand of the realm's demo users, so that a real analyst's token reads the numbers. */
    private static final String BRAND = "brand-zongzi";

    private static final long SEED = 20261123L;
    /** About 2,500 facts: enough for every KPI family and several batches, small for 2 shared cores. */
    private static final int CONVERSATIONS = 240;

    private static final String KPI_FACTS_CONSUMER = "kpi-facts";
    /** Every consumer group of the service is named {@code <application>.<consumer>}. */
    private static final String CONSUMER_GROUP_PREFIX = "analytics-service.";

    private static final List<String> GROUPINGS =
            List.of("brand", "vendor,day", "agent", "engagement", "team,hour", "shop,channel");
    /** Inquiries run over three local days; orders, payments and refunds up to a week after. */
    private static final LocalDate FROM = KpiTraffic.FIRST_DAY.minusDays(1);

    private static final LocalDate TO = KpiTraffic.LAST_DAY.plusDays(10);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<ServiceProcess> running = new ArrayList<>();
    private Map<TopicPartition, Long> factsBefore = Map.of();
    private Map<TopicPartition, Long> organisationBefore = Map.of();
    private Path jar;
    private Path logs;
    private KafkaEndpoint kafka;
    private Admin admin;
    private PostgresEndpoint postgres;
    private BpoRealm realm;

    @BeforeAll
    void startServers() throws IOException {
        jar = Path.of(System.getProperty("bpo.analytics-service.jar", "bpo.analytics-service.jar is not set"));
        assertThat(jar)
                .as("analytics-service is packaged before the system tests run")
                .isRegularFile();
        Path realmFile = Path.of(System.getProperty("bpo.realm-file", "bpo.realm-file is not set"));
        KeycloakEndpoint keycloak = SharedServers.keycloak(realmFile);
        kafka = SharedServers.kafka();
        admin = kafka.admin();
        postgres = SharedServers.postgres();
        realm = new BpoRealm(URI.create(keycloak.url()));
        logs = Files.createDirectories(Path.of("target", "services"));

        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        environment.put("BPO_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("BPO_OIDC_URL", keycloak.issuer("bpo"));
        environment.put("BPO_PII_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey));
    }

    @AfterEach
    void stopTheServices() {
        running.forEach(ServiceProcess::close);
        running.clear();
    }

    @AfterAll
    void closeTheAdminClient() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void killedMidStreamAndRestartedGivesTheKpisOfAnUninterruptedRun() throws Exception {
        KpiTraffic traffic = new KpiTraffic(BRAND, SEED, CONVERSATIONS);
        List<KpiTraffic.TimedEvent> organisation = traffic.organisation();
        List<KpiTraffic.TimedEvent> facts = traffic.facts();
        Map<TopicPartition, Long> deadLettersBefore = endOffsets(deadLetterTopics());
        ServiceDatabase killedDatabase = postgres.createServiceDatabase("analytics_killed", true);
        ServiceDatabase uninterruptedDatabase = postgres.createServiceDatabase("analytics_uninterrupted", true);
        int third = facts.size() / 3;
        // Other tests of the build share this Kafka (their poison records included): both runs start at this test's
        // traffic, as a service that had consumed everything before it.
        factsBefore = endOffsets(Topics.KPI_SOURCES);
        organisationBefore = endOffsets(List.of(Topics.ORG_EVENTS));
        startGroupsAtTheTraffic();

        Map<String, JsonNode> afterRestart;
        try (CloudEventPublisher publisher = new CloudEventPublisher(kafka.bootstrapServers())) {
            ServiceProcess service = start(killedDatabase, "killed-first");
            publisher.publish(organisation);
            publisher.publish(facts.subList(0, third));
            awaitApplied(killedDatabase, endOffsets(Topics.KPI_SOURCES));
            long beforeKill = appliedOfTheTraffic(killedDatabase);

            // The second third arrives and the service dies at once, in the middle of reading it: no shutdown hook,
            // no flush, whatever batch was open. The last third is published while it is down.
            publisher.publish(facts.subList(third, 2 * third));
            kill(service);
            long applied = appliedOfTheTraffic(killedDatabase);
            System.out.printf(
                    "analytics-service killed with %d of the %d records of the second third applied%n",
                    applied - beforeKill, third);
            publisher.publish(facts.subList(2 * third, facts.size()));
            assertThat(applied)
                    .as("records of the traffic applied when the service was killed: some, not all")
                    .isGreaterThanOrEqualTo(third)
                    .isLessThan(facts.size());

            ServiceProcess restarted = start(killedDatabase, "killed-restarted");
            awaitApplied(killedDatabase, endOffsets(Topics.KPI_SOURCES));
            awaitOrganisationCopy(killedDatabase, organisation);
            afterRestart = reports(restarted);
        }
        stopTheServices();

        // A fresh database and the groups back at the start of the traffic: the uninterrupted run reads all of it.
        startGroupsAtTheTraffic();
        ServiceProcess uninterrupted = start(uninterruptedDatabase, "uninterrupted");
        awaitApplied(uninterruptedDatabase, endOffsets(Topics.KPI_SOURCES));
        awaitOrganisationCopy(uninterruptedDatabase, organisation);
        Map<String, JsonNode> expected = reports(uninterrupted);

        List<String> differences = new ArrayList<>();
        for (String groupBy : GROUPINGS) {
            differences.addAll(differences(groupBy, afterRestart.get(groupBy), expected.get(groupBy)));
        }
        assertThat(differences)
                .as("differences between the restarted and the uninterrupted run")
                .isEmpty();

        JsonNode wholeBrand = onlyRow(afterRestart.get("brand"));
        assertThat(wholeBrand.at("/kpis/inquiries/numerator").decimalValue())
                .as("inquiries: every conversation of the traffic has a customer message")
                .isEqualByComparingTo(Long.toString(distinctInquiries(facts)));
        assertThat(wholeBrand.at("/kpis/callsOffered/numerator").decimalValue())
                .as("inbound calls of the traffic")
                .isEqualByComparingTo(Long.toString(distinctInboundCalls(facts)));
        for (String familyDenominator : List.of(
                "inquiryConversion",
                "dsrService",
                "abandonRate",
                "callbackCompletionRate",
                "meanResolutionMinutes",
                "meanQaScore")) {
            assertThat(wholeBrand
                            .at("/kpis/" + familyDenominator + "/denominator")
                            .decimalValue())
                    .as("the traffic has records for %s", familyDenominator)
                    .isPositive();
        }
        assertThat(endOffsets(deadLetterTopics()))
                .as("nothing was dead-lettered")
                .isEqualTo(deadLettersBefore);
    }

    private ServiceProcess start(ServiceDatabase database, String run) {
        ServiceProcess service = ServiceProcess.quarkusApp("analytics-service", jar)
                .environment(environment)
                .environment(database.environment("analytics"))
                .maxHeap("512m")
                .logFile(logs.resolve("analytics-service-crash-" + run + ".log"))
                .start();
        running.add(service);
        return service;
    }

    private void kill(ServiceProcess service) throws Exception {
        ProcessHandle process = service.handle();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        service.close();
        running.remove(service);
    }

    /**
     * Deletes the service's consumer groups with their committed offsets, once the stopped service has left them
     * (Kafka refuses to delete a group that has members).
     */
    private void forgetConsumerGroups() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId)
                    .filter(group -> group.startsWith(CONSUMER_GROUP_PREFIX))
                    .toList();
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(10, TimeUnit.SECONDS);
            }
        });
    }

    /** Forgets the service's consumer groups, then commits their offsets at the start of this test's traffic. */
    private void startGroupsAtTheTraffic() throws ExecutionException, InterruptedException, TimeoutException {
        forgetConsumerGroups();
        commit(CONSUMER_GROUP_PREFIX + KPI_FACTS_CONSUMER, factsBefore);
        commit(CONSUMER_GROUP_PREFIX + "kit-org", organisationBefore);
    }

    private void commit(String group, Map<TopicPartition, Long> offsets)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> committed.put(partition, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, committed).all().get(10, TimeUnit.SECONDS);
    }

    /** Records of this test's traffic the consumer has stored offsets past; an untouched partition is at the start. */
    private long appliedOfTheTraffic(ServiceDatabase database) throws SQLException {
        Map<TopicPartition, Long> stored = storedOffsets(database);
        return factsBefore.entrySet().stream()
                .mapToLong(start -> stored.getOrDefault(start.getKey(), start.getValue()) - start.getValue())
                .sum();
    }

    /** The service's answers for every grouping, asked with the token of the brand's analyst. */
    private Map<String, JsonNode> reports(ServiceProcess service) throws IOException, InterruptedException {
        String token = realm.passwordGrant("bpo-cli", "zongzi-analyst", BpoRealm.DEMO_PASSWORD)
                .field("access_token");
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        for (String groupBy : GROUPINGS) {
            String query =
                    BpoRealm.form("brandId", BRAND, "from", FROM.toString(), "to", TO.toString(), "groupBy", groupBy);
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/kpis?" + query))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode report = JSON.readTree(answer.body());
            assertThat(report.path("rows")).as("rows grouped by %s", groupBy).isNotEmpty();
            reports.put(groupBy, report);
        }
        return reports;
    }

    /** Every numerator, denominator, value, final flag and variant of every group, one line per difference. */
    private static List<String> differences(String groupBy, JsonNode actual, JsonNode expected) {
        Map<JsonNode, JsonNode> actualRows = rowsByGroup(actual);
        Map<JsonNode, JsonNode> expectedRows = rowsByGroup(expected);
        List<String> differences = new ArrayList<>();
        expectedRows.forEach((group, expectedKpis) -> {
            JsonNode actualKpis = actualRows.get(group);
            if (actualKpis == null) {
                differences.add(groupBy + " " + group + ": missing after the restart");
                return;
            }
            for (Iterator<String> names = expectedKpis.fieldNames(); names.hasNext(); ) {
                String kpi = names.next();
                if (!expectedKpis.get(kpi).equals(actualKpis.get(kpi))) {
                    differences.add(groupBy + " " + group + " " + kpi + ": " + actualKpis.get(kpi)
                            + " after the restart, " + expectedKpis.get(kpi) + " uninterrupted");
                }
            }
        });
        actualRows.keySet().stream()
                .filter(group -> !expectedRows.containsKey(group))
                .forEach(group -> differences.add(groupBy + " " + group + ": only after the restart"));
        return differences;
    }

    private static Map<JsonNode, JsonNode> rowsByGroup(JsonNode report) {
        Map<JsonNode, JsonNode> rows = new LinkedHashMap<>();
        report.path("rows").forEach(row -> rows.put(row.path("group"), row.path("kpis")));
        return rows;
    }

    private static JsonNode onlyRow(JsonNode report) {
        assertThat(report.path("rows")).hasSize(1);
        return report.path("rows").get(0);
    }

    private static long distinctInquiries(List<KpiTraffic.TimedEvent> facts) {
        return facts.stream()
                .map(KpiTraffic.TimedEvent::payload)
                .filter(payload -> payload instanceof MessageSent message && message.sender() == Sender.CUSTOMER)
                .map(payload -> ((MessageSent) payload).conversationId())
                .distinct()
                .count();
    }

    private static long distinctInboundCalls(List<KpiTraffic.TimedEvent> facts) {
        return facts.stream()
                .map(KpiTraffic.TimedEvent::payload)
                .filter(payload -> payload instanceof CallEnded call && call.direction() == CallDirection.INBOUND)
                .map(payload -> ((CallEnded) payload).callId())
                .distinct()
                .count();
    }

    /** Until the offsets the consumer stored with its batches have reached {@code ends} on every partition. */
    private void awaitApplied(ServiceDatabase database, Map<TopicPartition, Long> ends) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<TopicPartition, Long> stored = storedOffsets(database);
            Map<TopicPartition, String> behind = ends.entrySet().stream()
                    .filter(end -> storedOrStart(stored, end.getKey()) < end.getValue())
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, end -> storedOrStart(stored, end.getKey()) + " of " + end.getValue()));
            assertThat(behind)
                    .as("partitions whose records %s has not all applied", database.name())
                    .isEmpty();
        });
    }

    // A partition the consumer has not written yet starts where the group's committed offset put it.
    private long storedOrStart(Map<TopicPartition, Long> stored, TopicPartition partition) {
        return stored.getOrDefault(partition, factsBefore.getOrDefault(partition, 0L));
    }

    /** Until the service's organisation copy holds every organisation state of the traffic. */
    private void awaitOrganisationCopy(ServiceDatabase database, List<KpiTraffic.TimedEvent> organisation) {
        List<String> keys =
                organisation.stream().map(event -> event.payload().key()).toList();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection connection = postgres.connect(database.name(), database.owner());
                    PreparedStatement query = connection.prepareStatement(
                            "select count(*) from kit_org_state where kind || ':' || id = any(?)")) {
                Array wanted = connection.createArrayOf("text", keys.toArray());
                query.setArray(1, wanted);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getLong(1) == keys.size();
                }
            }
        });
    }

    private Map<TopicPartition, Long> storedOffsets(ServiceDatabase database) throws SQLException {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection connection = postgres.connect(database.name(), database.owner());
                PreparedStatement query = connection.prepareStatement(
                        "select topic, partition, next_offset from kit_consumer_offset where consumer = ?")) {
            query.setString(1, KPI_FACTS_CONSUMER);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        }
        return stored;
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                .forEach(partition ->
                        latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static List<String> deadLetterTopics() {
        List<String> topics = new ArrayList<>(Topics.KPI_SOURCES);
        topics.add(Topics.ORG_EVENTS);
        return topics.stream().map(Topics::deadLetterTopic).collect(Collectors.toList());
    }
}

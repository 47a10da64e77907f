package com.bpo.analytics.kpi.facts;

import static com.bpo.analytics.testing.Facts.agent;
import static com.bpo.analytics.testing.Facts.call;
import static com.bpo.analytics.testing.Facts.callbackScheduled;
import static com.bpo.analytics.testing.Facts.complaintFiled;
import static com.bpo.analytics.testing.Facts.customer;
import static com.bpo.analytics.testing.Facts.evaluation;
import static com.bpo.analytics.testing.Facts.group;
import static com.bpo.analytics.testing.Facts.order;
import static com.bpo.analytics.testing.Facts.params;
import static com.bpo.analytics.testing.KpiApi.awaitReport;
import static com.bpo.analytics.testing.KpiApi.kpi;
import static com.bpo.analytics.testing.KpiApi.number;
import static com.bpo.analytics.testing.KpiApi.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.Metrics;
import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.Topics;
import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.contracts.qa.QaSubjectType;
import com.bpo.kit.consumer.BatchConsumer;
import com.bpo.kit.consumer.BatchConsumers;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The kpi-facts consumer against the real broker: poison records, the service's consumers sharing the partitions, and
 * two instances splitting them.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
class KpiFactsConsumerTest {

    static final String DAY = "2026-06-01";

    @Inject
    FactPublisher publisher;

    @Inject
    BatchConsumers consumers;

    @Inject
    KpiFacts facts;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "bpo.kpi.facts.consumers")
    int consumerThreads;

    @Test
    void aPoisonRecordOnEachTopicIsDeadLetteredAndCountedWhileLaterRecordsAreApplied() {
        String brand = "kpi-poison";
        double deadLettered = Metrics.sum(
                "bpo_consumer_events_total", "consumer=\"" + KpiFacts.CONSUMER + "\"", "outcome=\"dead-lettered\"");
        // Each good event shares its key, and so its partition, with the poison record before it.
        Map<String, String> keyByTopic = new LinkedHashMap<>();
        keyByTopic.put(Topics.CHAT_EVENTS, "kpi-poison-c1");
        keyByTopic.put(Topics.CALL_EVENTS, "kpi-poison-k1");
        keyByTopic.put(Topics.COMMERCE_EVENTS, "kpi-poison-o1");
        keyByTopic.put(Topics.COMPLAINT_EVENTS, "kpi-poison-cp1");
        keyByTopic.put(Topics.TICKET_EVENTS, "ticket-kpi-poison-cb1");
        keyByTopic.put(Topics.QA_EVENTS, "kpi-poison-q1");
        try (KafkaTestClient kafka =
                new KafkaTestClient(InfraTestResource.kafka().bootstrapServers())) {
            keyByTopic.forEach((topic, key) -> kafka.send(topic, key, "not an event", Map.of()));
            // A readable CloudEvent whose payload breaks its schema (no sentAt): the consuming side's check.
            kafka.send(
                    Topics.CHAT_EVENTS,
                    "kpi-poison-c1",
                    """
                    {"messageId":"kpi-poison-bad","conversationId":"kpi-poison-c1","brandId":"kpi-poison",\
                    "vendorId":"v","shopId":"s","channel":"CHAT","customerId":"u","sender":"CUSTOMER",\
                    "text":"t","redacted":false}""",
                    headers(brand));

            new KpiEvents(publisher)
                    .publish(List.<EventPayload>of(
                            customer(brand, "kpi-poison-c1", "kpi-poison-m1", "v", "s", "u1", "2026-06-01T02:00:00Z"),
                            call(
                                    brand,
                                    "kpi-poison-k1",
                                    "v",
                                    "s",
                                    "a",
                                    CallDirection.INBOUND,
                                    "2026-06-01T02:00:00Z",
                                    5,
                                    60,
                                    0,
                                    0,
                                    false),
                            order(brand, "kpi-poison-o1", "s", "u9", OrderStatus.PAID, "2026-06-01T02:00:00Z", "10.00"),
                            complaintFiled(brand, "kpi-poison-cp1", "v", "s", "2026-06-01T02:00:00Z"),
                            callbackScheduled(brand, "kpi-poison-cb1", "v", "a", "2026-06-01T02:00:00Z"),
                            evaluation(
                                    brand,
                                    "kpi-poison-q1",
                                    "v",
                                    "a",
                                    QaSubjectType.CALL,
                                    "90",
                                    true,
                                    "2026-06-01T02:00:00Z")));

            JsonPath report = awaitReport(
                    params(
                            "brandId",
                            brand,
                            "from",
                            DAY,
                            "to",
                            DAY,
                            "kpis",
                            "inquiries,callsOffered,silentSales,complaints,callbacksDue,evaluations"),
                    r -> row(r, group()) != null
                            && List.of("inquiries", "callsOffered", "complaints", "callbacksDue", "evaluations")
                                    .stream()
                                    .allMatch(k -> number(kpi(row(r, group()), k), "numerator")
                                                    .intValue()
                                            == 1)
                            && number(kpi(row(r, group()), "silentSales"), "denominator")
                                            .intValue()
                                    == 1);
            assertThat(number(kpi(row(report, group()), "inquiries"), "numerator"))
                    .isEqualByComparingTo("1");

            keyByTopic.forEach((topic, key) -> assertThat(kafka.awaitRecord(
                                    Topics.deadLetterTopic(topic), r -> key.equals(r.key()), Duration.ofSeconds(30))
                            .value())
                    .isNotEmpty());
            assertThat(kafka.awaitRecords(
                            Topics.deadLetterTopic(Topics.CHAT_EVENTS),
                            records -> records.stream().anyMatch(r -> r.value().contains("kpi-poison-bad")),
                            Duration.ofSeconds(30)))
                    .isNotEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Metrics.sum(
                        "bpo_consumer_events_total",
                        "consumer=\"" + KpiFacts.CONSUMER + "\"",
                        "outcome=\"dead-lettered\""))
                .isGreaterThanOrEqualTo(deadLettered + 7));
    }

    @Test
    void theServiceRunsItsConfiguredConsumersInOneGroupEachWithAShareOfThePartitions() throws Exception {
        String group = application + "." + KpiFacts.CONSUMER;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups()
                        .get(group)
                        .get();
                assertThat(description.members()).hasSize(consumerThreads);
                assertThat(description.members())
                        .allSatisfy(member -> assertThat(member.assignment().topicPartitions())
                                .isNotEmpty());
                assertThat(description.members().stream()
                                .mapToInt(member ->
                                        member.assignment().topicPartitions().size())
                                .sum())
                        .isEqualTo(Topics.KPI_SOURCES.size() * Topics.DEFAULT_PARTITIONS);
            });
        }
    }

    @Test
    void twoInstancesOfTheConsumerSplitThePartitionsAndGiveTheSameNumbers() {
        BatchConsumer second = consumers.start(facts.spec(), facts::apply);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !second.assignedPartitions().isEmpty());
            int total = Topics.KPI_SOURCES.size() * Topics.DEFAULT_PARTITIONS;
            assertThat(second.assignedPartitions()).hasSizeLessThan(total);

            // 30 conversations, conversation i answered after i seconds: first response 465 s over 30.
            String brand = "kpi-pair";
            List<EventPayload> events = new ArrayList<>();
            Instant start = Instant.parse("2026-06-01T02:00:00Z");
            for (int i = 1; i <= 30; i++) {
                String conversation = "kpi-pair-c" + i;
                Instant asked = start.plusSeconds(60L * i);
                events.add(customer(brand, conversation, conversation + "-1", "v", "s", "u" + i, asked.toString()));
                events.add(agent(
                        brand,
                        conversation,
                        conversation + "-2",
                        "v",
                        "s",
                        "u" + i,
                        "a",
                        asked.plusSeconds(i).toString()));
            }
            new KpiEvents(publisher).publish(events);

            JsonPath report = awaitReport(
                    params("brandId", brand, "from", DAY, "to", DAY, "kpis", "inquiries,firstResponseSeconds"),
                    r -> row(r, group()) != null
                            && number(kpi(row(r, group()), "firstResponseSeconds"), "denominator")
                                            .intValue()
                                    == 30);
            assertThat(number(kpi(row(report, group()), "inquiries"), "numerator"))
                    .isEqualByComparingTo("30");
            assertThat(number(kpi(row(report, group()), "firstResponseSeconds"), "numerator"))
                    .isEqualByComparingTo("465");
            assertThat(number(kpi(row(report, group()), "firstResponseSeconds"), "value"))
                    .isEqualTo(new BigDecimal("15.5000"));
            assertThat(second.hasFailed()).isFalse();
        } finally {
            second.stop();
        }
    }

    private static Map<String, String> headers(String brand) {
        return Map.of(
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                CloudEventHeaders.ID, "kpi-poison-schema",
                CloudEventHeaders.TYPE, "bpo.chat.message-sent.v1",
                CloudEventHeaders.SOURCE, "/agent-service",
                CloudEventHeaders.TIME, "2026-06-01T02:00:00Z",
                CloudEventHeaders.BRAND_ID, brand,
                CloudEventHeaders.CONTENT_TYPE, "application/json");
    }
}

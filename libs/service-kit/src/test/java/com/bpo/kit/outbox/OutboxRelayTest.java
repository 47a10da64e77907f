package com.bpo.kit.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.InvalidEventException;
import com.bpo.contracts.ticket.TicketOpened;
import com.bpo.kit.messaging.KitTestTopics;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.messaging.SampleEvents;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KitTestTopics.class, restrictToAnnotatedClass = false)
class OutboxRelayTest {

    private static final String TOPIC = DemoTicketService.TOPIC;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    DemoTicketService tickets;

    @Inject
    OutboxWriter outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    private OutboxTables tables;

    @BeforeEach
    void readTables() {
        tables = new OutboxTables(pool);
    }

    @Test
    void stateChangeAndItsEventCommitTogetherAndTheRelayPublishesThem() throws Throwable {
        String brand = SampleEvents.newBrand();
        String ticketId = "ticket-" + UUID.randomUUID();

        String eventId = VertxContextSupport.subscribeAndAwait(() -> tickets.open(brand, ticketId, "COMPLAINT", TOPIC));

        assertThat(tables.tickets(ticketId)).isEqualTo(1);
        ConsumerRecord<String, String> record = readEvent(eventId);
        assertThat(record.key()).isEqualTo(ticketId);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SPEC_VERSION))
                .isEqualTo("1.0");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.TICKET_OPENED);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/service-kit-test");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(ticketId);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.BRAND_ID)).isEqualTo(brand);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.VENDOR_ID)).isEqualTo(SampleEvents.VENDOR);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(KafkaTestClient.header(record, "traceparent")).startsWith("00-0af7651916cd43dd");
        assertThat(EventSchemas.validate(EventTypes.TICKET_OPENED, bytes(record)))
                .isEmpty();
        assertThat(EventJson.fromBytes(bytes(record), TicketOpened.class).ticketId())
                .isEqualTo(ticketId);
        await().atMost(TIMEOUT).until(() -> tables.sentAt(eventId) != null);
    }

    @Test
    void rolledBackTransactionWritesAndPublishesNothing() throws Throwable {
        String brand = SampleEvents.newBrand();
        String failedId = "ticket-" + UUID.randomUUID();

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> tickets.openThenFail(brand, failedId)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(tables.tickets(failedId)).isZero();
        assertThat(tables.outboxRowsOfKey(failedId)).isZero();
        String sentinelId = "ticket-" + UUID.randomUUID();
        String sentinel =
                VertxContextSupport.subscribeAndAwait(() -> tickets.open(brand, sentinelId, "COMPLAINT", TOPIC));
        try (KafkaTestClient kafka = kafka()) {
            List<ConsumerRecord<String, String>> records =
                    kafka.awaitRecords(TOPIC, all -> all.stream().anyMatch(r -> hasId(r, sentinel)), TIMEOUT);
            assertThat(records).noneMatch(r -> failedId.equals(r.key()));
        }
    }

    @Test
    void eventsOfOneKeyArriveInTheOrderTheyWereCommitted() throws Throwable {
        String brand = SampleEvents.newBrand();
        String key = "customer-" + UUID.randomUUID();
        List<String> types = IntStream.range(0, 200)
                .mapToObj(i -> String.format("SEQ-%03d", i))
                .toList();

        for (String type : types) {
            String ticketId = "ticket-" + UUID.randomUUID();
            VertxContextSupport.subscribeAndAwait(() -> tickets.openUnderKey(brand, ticketId, type, TOPIC, key));
        }

        try (KafkaTestClient kafka = kafka()) {
            List<ConsumerRecord<String, String>> records =
                    kafka.awaitRecords(TOPIC, all -> ofKey(all, key).size() >= types.size(), TIMEOUT);
            assertThat(ofKey(records, key))
                    .extracting(r ->
                            EventJson.fromBytes(bytes(r), TicketOpened.class).type())
                    .containsExactlyElementsOf(types);
        }
    }

    @Test
    void aBulkWriteOnAPlainConnectionKeepsOrderHeadersAndCommitsWithItsTransaction() {
        String brand = SampleEvents.newBrand();
        String key = "bulk-" + UUID.randomUUID();
        List<String> types = IntStream.range(0, 300)
                .mapToObj(i -> String.format("BULK-%03d", i))
                .toList();
        List<OutgoingEvent> events = types.stream()
                .map(type -> OutgoingEvent.of(SampleEvents.ticketOpened(brand, "ticket-" + UUID.randomUUID(), type))
                        .withBrand(brand)
                        .withVendor(SampleEvents.VENDOR)
                        .withTopic(TOPIC)
                        .withKey(key)
                        .withHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .toList();

        List<String> ids = pool.withTransaction(connection -> outbox.enqueueAll(connection, events))
                .await()
                .atMost(TIMEOUT);

        assertThat(ids).hasSize(types.size()).doesNotHaveDuplicates();
        try (KafkaTestClient kafka = kafka()) {
            List<ConsumerRecord<String, String>> records =
                    ofKey(kafka.awaitRecords(TOPIC, all -> ofKey(all, key).size() >= types.size(), TIMEOUT), key);
            assertThat(records)
                    .extracting(r ->
                            EventJson.fromBytes(bytes(r), TicketOpened.class).type())
                    .containsExactlyElementsOf(types);
            assertThat(records)
                    .extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.ID))
                    .containsExactlyElementsOf(ids);
            assertThat(records).allSatisfy(r -> {
                assertThat(KafkaTestClient.header(r, CloudEventHeaders.BRAND_ID))
                        .isEqualTo(brand);
                assertThat(KafkaTestClient.header(r, "traceparent")).startsWith("00-0af7651916cd43dd");
                assertThat(EventSchemas.validate(EventTypes.TICKET_OPENED, bytes(r)))
                        .isEmpty();
            });
        }
    }

    @Test
    void aBulkWriteNeedsATransactionAndValidEventsAndWritesNothingOtherwise() {
        String brand = SampleEvents.newBrand();
        String key = "bulk-" + UUID.randomUUID();
        OutgoingEvent valid = OutgoingEvent.of(SampleEvents.ticketOpened(brand, "ticket-1", "COMPLAINT"))
                .withBrand(brand)
                .withTopic(TOPIC)
                .withKey(key);
        OutgoingEvent invalid = OutgoingEvent.of(SampleEvents.ticketOpened("", "ticket-2", "COMPLAINT"))
                .withTopic(TOPIC)
                .withKey(key);

        assertThatThrownBy(() -> pool.withConnection(connection -> outbox.enqueueAll(connection, List.of(valid)))
                        .await()
                        .atMost(TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThatThrownBy(
                        () -> pool.withTransaction(connection -> outbox.enqueueAll(connection, List.of(valid, invalid)))
                                .await()
                                .atMost(TIMEOUT))
                .isInstanceOf(InvalidEventException.class);
        assertThat(tables.outboxRowsOfKey(key)).isZero();
    }

    @Test
    void enqueueOutsideATransactionFails() {
        OutgoingEvent event = OutgoingEvent.of(SampleEvents.ticketOpened("brand-a", "ticket-1", "COMPLAINT"))
                .withBrand("brand-a");

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> outbox.enqueue(event)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void eventThatBreaksItsSchemaFailsTheTransactionOfItsStateChange() {
        String ticketId = "ticket-" + UUID.randomUUID();

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> tickets.open("", ticketId, "X", TOPIC)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("brandId");

        assertThat(tables.tickets(ticketId)).isZero();
        assertThat(tables.outboxRowsOfKey(ticketId)).isZero();
    }

    @Test
    void whileAnotherInstanceHoldsTheRelayLockNothingIsPublishedAndTheBacklogShowsInTheMetrics() throws Throwable {
        String brand = SampleEvents.newBrand();
        List<String> eventIds = new ArrayList<>();
        try (Connection otherInstance = connectAsApplication()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK);
                lock.execute();
            }
            for (int i = 0; i < 3; i++) {
                String ticketId = "ticket-" + UUID.randomUUID();
                eventIds.add(
                        VertxContextSupport.subscribeAndAwait(() -> tickets.open(brand, ticketId, "COMPLAINT", TOPIC)));
            }

            int relayed = relay.relayOnce().await().atMost(TIMEOUT);

            assertThat(relayed).isZero();
            assertThat(eventIds).allMatch(id -> tables.sentAt(id) == null);
            assertThat(relay.backlog()).isGreaterThanOrEqualTo(3);
            assertThat(metric("bpo_outbox_backlog")).isGreaterThanOrEqualTo(3);
            otherInstance.rollback();
        }
        await().atMost(TIMEOUT).until(() -> eventIds.stream().allMatch(id -> tables.sentAt(id) != null));
        assertThat(metric("bpo_outbox_published_total")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void sentRowsPastTheRetentionAreDeletedAndRecentOnesKept() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        insertSentRow(old, "8 days");
        insertSentRow(recent, "1 hour");

        int deleted = relay.deleteExpired().await().atMost(TIMEOUT);

        assertThat(deleted).isPositive();
        assertThat(tables.sentAt(old)).isNull();
        assertThat(tables.sentAt(recent)).isNotNull();
    }

    private void insertSentRow(String eventId, String age) {
        pool.preparedQuery(
                        "insert into kit_outbox (event_id, topic, message_key, ce_type, ce_source, payload,"
                                + " created_at, sent_at) values ($1, $2, 'retention-probe', $3, '/service-kit-test',"
                                + " convert_to('{}', 'UTF8'), now() - cast($4 as text)::interval, now() - cast($4 as text)::interval)")
                .execute(Tuple.of(eventId, TOPIC, EventTypes.TICKET_OPENED, age))
                .await()
                .atMost(TIMEOUT);
    }

    private static List<ConsumerRecord<String, String>> ofKey(
            List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static ConsumerRecord<String, String> readEvent(String eventId) {
        try (KafkaTestClient kafka = kafka()) {
            return kafka.awaitRecord(TOPIC, r -> hasId(r, eventId), TIMEOUT);
        }
    }

    private static boolean hasId(ConsumerRecord<String, String> record, String eventId) {
        return eventId.equals(KafkaTestClient.header(record, CloudEventHeaders.ID));
    }

    private static byte[] bytes(ConsumerRecord<String, String> record) {
        return record.value().getBytes(StandardCharsets.UTF_8);
    }

    private static KafkaTestClient kafka() {
        return new KafkaTestClient(InfraTestResource.kafka().bootstrapServers());
    }

    private static Connection connectAsApplication() throws Exception {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    // The value of an untagged meter in the Prometheus text at /q/metrics.
    private static double metric(String name) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not exposed at /q/metrics"));
    }
}

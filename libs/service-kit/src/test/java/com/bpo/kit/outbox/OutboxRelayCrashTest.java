package com.bpo.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.contracts.CloudEventHeaders;
import com.bpo.kit.messaging.KitTestTopics;
import com.bpo.kit.messaging.SampleEvents;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proof: a relay that dies between publishing and marking sent loses nothing, and applies once. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KitTestTopics.class, restrictToAnnotatedClass = false)
class OutboxRelayCrashTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    DemoTicketService tickets;

    @Inject
    DemoTicketConsumer consumer;

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @AfterEach
    void healRelay() {
        relay.afterPublish(records -> {});
    }

    @Test
    void relayKilledBetweenPublishAndMarkSentLosesNothingAndTheEventIsAppliedOnce() throws Throwable {
        OutboxTables tables = new OutboxTables(pool);
        String ticketId = "ticket-" + UUID.randomUUID();
        AtomicBoolean crashed = new AtomicBoolean();
        relay.afterPublish(records -> {
            if (records.stream().anyMatch(r -> ticketId.equals(r.key())) && crashed.compareAndSet(false, true)) {
                throw new SimulatedCrash();
            }
        });

        String eventId = VertxContextSupport.subscribeAndAwait(
                () -> tickets.open(SampleEvents.newBrand(), ticketId, "COMPLAINT", DemoTicketService.TOPIC));

        await().atMost(TIMEOUT).untilTrue(crashed);
        // The next round publishes the row again and marks it sent.
        await().atMost(TIMEOUT).until(() -> tables.sentAt(eventId) != null);
        try (KafkaTestClient kafka =
                new KafkaTestClient(InfraTestResource.kafka().bootstrapServers())) {
            List<ConsumerRecord<String, String>> copies = kafka.readAll(DemoTicketService.TOPIC).stream()
                    .filter(r -> eventId.equals(KafkaTestClient.header(r, CloudEventHeaders.ID)))
                    .toList();
            // The copy acknowledged before the crash, and the copy of the round that marked the row sent.
            assertThat(copies).hasSize(2);
        }
        await().atMost(TIMEOUT).until(() -> consumer.handled(eventId) == 2);
        assertThat(consumer.deliveries(eventId)).isEqualTo(2);
        assertThat(tables.applications(eventId)).isEqualTo(1);
    }
}

package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.Topics;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KitTestTopics.class, restrictToAnnotatedClass = false)
class DeadLetterTopicTest {

    private static final String TOPIC = KitTestTopics.POISON;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    PoisonProbeConsumer consumer;

    @Inject
    MeterRegistry registry;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(InfraTestResource.kafka().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void poisonRecordGoesToItsDeadLetterTopicWithTheErrorIsCountedAndTheNextRecordIsProcessed() {
        String key = "conv-" + UUID.randomUUID();
        EventEnvelope poison = envelope(key, "{\"messageId\": ");
        EventEnvelope good = envelope(key, EventJson.toBytes(SampleEvents.messageSent("brand-a", key, "msg-good")));
        double deadLetteredBefore = deadLettered();

        // One key, one partition: the good record comes after the poison one and must not be blocked by it.
        send(key, poison);
        send(key, good);

        await().atMost(TIMEOUT).until(() -> consumer.applied(good.id()));
        ConsumerRecord<String, String> dead = kafka.awaitRecord(
                Topics.deadLetterTopic(TOPIC),
                r -> poison.id().equals(KafkaTestClient.header(r, CloudEventHeaders.ID)),
                TIMEOUT);
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).isEqualTo(poison.payloadText());
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("unreadable event", "not JSON");
        assertThat(KafkaTestClient.header(dead, "dead-letter-exception-class-name"))
                .isEqualTo(UnreadableEventException.class.getName());
        assertThat(KafkaTestClient.header(dead, "dead-letter-topic")).isEqualTo(TOPIC);
        assertThat(KafkaTestClient.header(dead, "dead-letter-offset")).isNotBlank();
        await().atMost(TIMEOUT).until(() -> deadLettered() == deadLetteredBefore + 1);
        assertThat(consumer.applied(poison.id())).isFalse();
    }

    @Test
    void transientFailureIsRetriedAndTheRecordApplied() {
        String key = "conv-" + UUID.randomUUID();
        EventEnvelope event = envelope(key, EventJson.toBytes(SampleEvents.messageSent("brand-a", key, "msg-1")));
        consumer.failWithDeadlock(event.id(), 2);

        send(key, event);

        await().atMost(TIMEOUT).until(() -> consumer.applied(event.id()));
        assertThat(consumer.attempts(event.id())).isEqualTo(3);
    }

    @Test
    void failureThatOutlastsTheRetriesSendsTheRecordToItsDeadLetterTopic() {
        String key = "conv-" + UUID.randomUUID();
        EventEnvelope event = envelope(key, EventJson.toBytes(SampleEvents.messageSent("brand-a", key, "msg-1")));
        consumer.failWithDeadlock(event.id(), Integer.MAX_VALUE);

        send(key, event);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(
                Topics.deadLetterTopic(TOPIC),
                r -> event.id().equals(KafkaTestClient.header(r, CloudEventHeaders.ID)),
                TIMEOUT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("deadlock");
        // The first attempt and the three retries of the kit's default.
        assertThat(consumer.attempts(event.id())).isEqualTo(4);
        assertThat(consumer.applied(event.id())).isFalse();
    }

    private double deadLettered() {
        Counter counter = registry.find(DeadLetterTopicStrategy.DEAD_LETTERED)
                .tag("channel", PoisonProbeConsumer.CHANNEL)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void send(String key, EventEnvelope event) {
        Map<String, String> headers = new LinkedHashMap<>();
        event.toHeaders().forEach((name, value) -> headers.put(name, new String(value, StandardCharsets.UTF_8)));
        kafka.send(TOPIC, key, event.payloadText(), headers);
    }

    private static EventEnvelope envelope(String key, String payload) {
        return envelope(key, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static EventEnvelope envelope(String key, byte[] payload) {
        return OutgoingEvent.of(SampleEvents.messageSent("brand-a", key, "msg"))
                .withBrand("brand-a")
                .envelope(UUID.randomUUID().toString(), "/agent-service", payload);
    }
}

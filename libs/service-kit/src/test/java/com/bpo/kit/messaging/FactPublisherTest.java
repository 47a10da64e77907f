package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.InvalidEventException;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KitTestTopics.class, restrictToAnnotatedClass = false)
class FactPublisherTest {

    private static final String TOPIC = KitTestTopics.MESSAGES;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    FactPublisher publisher;

    @Test
    void batchIsAcknowledgedAndEveryFactIsABinaryCloudEventWithItsDeterministicId() {
        String brand = SampleEvents.newBrand();
        List<Fact> facts = IntStream.range(0, 20)
                .mapToObj(i -> fact(brand, "conv-" + (i % 3), "msg-" + i))
                .toList();

        List<String> ids = publisher.publish(facts).await().atMost(TIMEOUT);

        assertThat(ids)
                .containsExactlyElementsOf(facts.stream().map(Fact::eventId).toList());
        List<ConsumerRecord<String, String>> records = readBrand(brand, 20);
        assertThat(records).hasSize(20);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.SPEC_VERSION))
                    .isEqualTo("1.0");
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.MESSAGE_SENT);
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/service-kit-test");
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.VENDOR_ID))
                    .isEqualTo(SampleEvents.VENDOR);
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.SUBJECT))
                    .isEqualTo(record.key());
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.TIME)).isNotBlank();
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.CONTENT_TYPE))
                    .isEqualTo(CloudEventHeaders.APPLICATION_JSON);
            assertThat(KafkaTestClient.header(record, "traceparent")).startsWith("00-");
            assertThat(ids).contains(KafkaTestClient.header(record, CloudEventHeaders.ID));
            assertThat(EventSchemas.validate(
                            EventTypes.MESSAGE_SENT, record.value().getBytes(StandardCharsets.UTF_8)))
                    .isEmpty();
        }
    }

    @Test
    void reSendingTheSameFactsPublishesTheSameEventIds() {
        String brand = SampleEvents.newBrand();
        List<Fact> first = List.of(fact(brand, "conv-1", "msg-1"), fact(brand, "conv-1", "msg-2"));
        List<Fact> resent = List.of(fact(brand, "conv-1", "msg-1"), fact(brand, "conv-1", "msg-2"));

        List<String> firstIds = publisher.publish(first).await().atMost(TIMEOUT);
        List<String> resentIds = publisher.publish(resent).await().atMost(TIMEOUT);

        assertThat(resentIds).isEqualTo(firstIds);
        List<ConsumerRecord<String, String>> records = readBrand(brand, 4);
        assertThat(records)
                .extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.ID))
                .containsExactlyInAnyOrder(firstIds.get(0), firstIds.get(0), firstIds.get(1), firstIds.get(1));
    }

    @Test
    void tenThousandFactsAreSentWithOneWaitForAllAcknowledgements() {
        String brand = SampleEvents.newBrand();
        List<Fact> facts = IntStream.range(0, 10_000)
                .mapToObj(i -> fact(brand, "conv-" + (i % 50), "msg-" + i))
                .toList();

        long started = System.nanoTime();
        List<String> ids = publisher.publish(facts).await().atMost(TIMEOUT);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Log.infof("10000 facts validated, published and acknowledged in %d ms", millis);

        assertThat(new HashSet<>(ids)).hasSize(10_000);
        assertThat(readBrand(brand, 10_000)).hasSize(10_000);
    }

    @Test
    void batchWithAnInvalidFactIsRejectedBeforeAnythingIsSent() {
        String brand = SampleEvents.newBrand();
        Fact valid = fact(brand, "conv-1", "msg-valid");
        Fact invalid = new Fact(
                OutgoingEvent.of(SampleEvents.messageSent("", "conv-1", "msg-invalid"))
                        .withBrand(brand),
                "msg-invalid");

        assertThatThrownBy(
                        () -> publisher.publish(List.of(valid, invalid)).await().atMost(TIMEOUT))
                .isInstanceOf(InvalidEventException.class);

        // Same key, same partition: had the valid fact been sent, it would be read before the sentinel.
        Fact sentinel = fact(brand, "conv-1", "msg-sentinel");
        publisher.publish(sentinel).await().atMost(TIMEOUT);
        List<ConsumerRecord<String, String>> records = readBrand(brand, 1);
        assertThat(records)
                .extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.ID))
                .containsExactly(sentinel.eventId());
    }

    private static Fact fact(String brand, String conversationId, String messageId) {
        return new Fact(
                OutgoingEvent.of(SampleEvents.messageSent(brand, conversationId, messageId))
                        .withBrand(brand)
                        .withVendor(SampleEvents.VENDOR)
                        .withTopic(TOPIC)
                        .withHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                messageId);
    }

    // Reads until at least `expected` records of the brand are in; records of one key are read in their order.
    private static List<ConsumerRecord<String, String>> readBrand(String brand, int expected) {
        try (KafkaTestClient kafka =
                new KafkaTestClient(InfraTestResource.kafka().bootstrapServers())) {
            return ofBrand(
                    kafka.awaitRecords(TOPIC, records -> ofBrand(records, brand).size() >= expected, TIMEOUT), brand);
        }
    }

    private static List<ConsumerRecord<String, String>> ofBrand(
            List<ConsumerRecord<String, String>> records, String brand) {
        return records.stream()
                .filter(r -> brand.equals(KafkaTestClient.header(r, CloudEventHeaders.BRAND_ID)))
                .toList();
    }
}

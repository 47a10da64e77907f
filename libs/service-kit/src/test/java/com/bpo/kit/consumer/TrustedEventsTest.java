package com.bpo.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.kit.messaging.IncomingEvent;
import com.bpo.kit.messaging.IncomingEvents;
import com.bpo.kit.messaging.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class TrustedEventsTest {

    private static final String TOPIC = "chat.events";

    @Test
    void validEventIsReadWithItsPayloadAndPosition() {
        EventEnvelope sent = TestEvents.messageSent("brand-a", "conv-1");

        IncomingEvent event = TrustedEvents.read(record(sent, 42));

        assertThat(event.id()).isEqualTo(sent.id());
        assertThat(event.brandId()).isEqualTo("brand-a");
        assertThat(event.payload()).isInstanceOf(MessageSent.class);
        assertThat(((MessageSent) event.payload()).conversationId()).isEqualTo("conv-1");
        assertThat(event.position()).isEqualTo(TOPIC + "/3@42");
        assertThat(event).isEqualTo(IncomingEvents.read(record(sent, 42)));
    }

    @Test
    void payloadIsParsedButNotCheckedAgainstItsSchema() {
        // Required fields are missing, which the schema refuses; parsing only needs JSON of the record's shape.
        EventEnvelope offSchema = envelope(EventTypes.MESSAGE_SENT, "{\"messageId\": \"m-1\", \"extra\": [1, 2]}");

        IncomingEvent event = TrustedEvents.read(record(offSchema, 7));

        assertThat(((MessageSent) event.payload()).messageId()).isEqualTo("m-1");
        assertThatThrownBy(() -> IncomingEvents.read(record(offSchema, 7)))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void unknownTypeHasNoPayload() {
        IncomingEvent event = TrustedEvents.read(record(envelope("bpo.kit-test.future.v1", "{\"a\": 1}"), 1));

        assertThat(event.knownType()).isFalse();
        assertThat(event.payload()).isNull();
    }

    @Test
    void recordThatIsNotACloudEventIsUnreadable() {
        ConsumerRecord<String, byte[]> plain =
                new ConsumerRecord<>(TOPIC, 0, 5, "k", "hello".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TrustedEvents.read(plain))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining(TOPIC + "/0@5");
    }

    @Test
    void payloadThatIsNotJsonOfItsTypeIsUnreadable() {
        EventEnvelope broken = envelope(EventTypes.MESSAGE_SENT, "{\"messageId\": ");

        assertThatThrownBy(() -> TrustedEvents.read(record(broken, 9)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("not a JSON MessageSent");
    }

    @Test
    void tombstoneIsUnreadable() {
        EventEnvelope sent = TestEvents.messageSent("brand-a", "conv-1");
        RecordHeaders headers = new RecordHeaders();
        sent.toHeaders().forEach(headers::add);
        ConsumerRecord<String, byte[]> tombstone = new ConsumerRecord<>(
                TOPIC, 0, 1, 0L, TimestampType.CREATE_TIME, 0, 0, "k", null, headers, Optional.empty());

        assertThatThrownBy(() -> TrustedEvents.read(tombstone)).isInstanceOf(UnreadableEventException.class);
    }

    private static EventEnvelope envelope(String type, String json) {
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                type,
                TestEvents.SOURCE,
                null,
                "conv-1",
                "brand-a",
                null,
                json.getBytes(StandardCharsets.UTF_8));
    }

    static ConsumerRecord<String, byte[]> record(EventEnvelope event, long offset) {
        RecordHeaders headers = new RecordHeaders();
        event.toHeaders().forEach(headers::add);
        return new ConsumerRecord<>(
                TOPIC,
                3,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                0,
                event.payload().length,
                event.subject(),
                event.payload(),
                headers,
                Optional.empty());
    }
}

package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.InvalidEventException;
import com.bpo.contracts.chat.MessageSent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class IncomingEventsTest {

    private static final String TOPIC = "chat.events";

    @Test
    void validEventIsReadIntoItsContractRecord() {
        MessageSent message = SampleEvents.messageSent("brand-a", "conv-1", "msg-1");
        ConsumerRecord<String, byte[]> record = consumed(published(message, EventJson.toBytes(message)));

        IncomingEvent event = IncomingEvents.read(record);

        assertThat(event.payload()).isEqualTo(message);
        assertThat(event.id()).isEqualTo("event-1");
        assertThat(event.type()).isEqualTo(EventTypes.MESSAGE_SENT);
        assertThat(event.brandId()).isEqualTo("brand-a");
        assertThat(event.key()).isEqualTo("conv-1");
        assertThat(event.position()).isEqualTo(TOPIC + "/3@42");
    }

    @Test
    void payloadThatIsNotJsonIsUnreadable() {
        MessageSent message = SampleEvents.messageSent("brand-a", "conv-1", "msg-1");
        ConsumerRecord<String, byte[]> record =
                consumed(published(message, "not json".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> IncomingEvents.read(record))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining(TOPIC + "/3@42")
                .hasCauseInstanceOf(InvalidEventException.class);
    }

    @Test
    void payloadThatBreaksTheSchemaOfItsTypeIsUnreadable() {
        MessageSent message = SampleEvents.messageSent("brand-a", "conv-1", "msg-1");
        byte[] withoutSender = EventJson.toBytes(Map.of("messageId", "msg-1", "conversationId", "conv-1"));
        ConsumerRecord<String, byte[]> record = consumed(published(message, withoutSender));

        assertThatThrownBy(() -> IncomingEvents.read(record))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("sender");
    }

    @Test
    void recordWithoutCloudEventIdIsUnreadable() {
        MessageSent message = SampleEvents.messageSent("brand-a", "conv-1", "msg-1");
        ProducerRecord<String, byte[]> published = published(message, EventJson.toBytes(message));
        published.headers().remove(CloudEventHeaders.ID);

        assertThatThrownBy(() -> IncomingEvents.read(consumed(published)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining(CloudEventHeaders.ID);
    }

    @Test
    void tombstoneIsUnreadable() {
        ConsumerRecord<String, byte[]> tombstone = new ConsumerRecord<>(TOPIC, 0, 7L, "conv-1", null);

        assertThatThrownBy(() -> IncomingEvents.read(tombstone)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void typeUnknownToThisBuildIsReadWithoutPayloadSoThatConsumersSkipIt() {
        EventEnvelope envelope = new EventEnvelope(
                "event-2",
                "bpo.chat.reaction-added.v1",
                "/agent-service",
                null,
                null,
                "brand-a",
                null,
                "{\"emoji\":\"粽\"}".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> published = CloudEventRecords.toRecord(TOPIC, "conv-1", envelope, Map.of());

        IncomingEvent event = IncomingEvents.read(consumed(published));

        assertThat(event.knownType()).isFalse();
        assertThat(event.payload()).isNull();
        assertThat(event.type()).isEqualTo("bpo.chat.reaction-added.v1");
    }

    @Test
    void messageOfAKafkaChannelIsReadLikeItsRecord() {
        MessageSent message = SampleEvents.messageSent("brand-a", "conv-1", "msg-1");
        ConsumerRecord<String, byte[]> record = consumed(published(message, EventJson.toBytes(message)));
        Message<byte[]> received =
                Message.of(record.value(), Metadata.of(new IncomingKafkaRecordMetadata<>(record, "chat-events")));

        IncomingEvent event = IncomingEvents.read(received);

        assertThat(event.payload()).isEqualTo(message);
        assertThat(event.position()).isEqualTo(TOPIC + "/3@42");
    }

    @Test
    void messageFromAnotherConnectorIsRejected() {
        assertThatThrownBy(() -> IncomingEvents.read(Message.of(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kafka");
    }

    private static ProducerRecord<String, byte[]> published(MessageSent message, byte[] value) {
        OutgoingEvent event = OutgoingEvent.of(message).withBrand(message.brandId());
        EventEnvelope envelope = event.envelope("event-1", "/agent-service", value);
        return CloudEventRecords.toRecord(TOPIC, event.key(), envelope, Map.of("traceparent", "00-a-b-01"));
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> published) {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>(published.topic(), 3, 42L, published.key(), published.value());
        RecordHeaders headers = (RecordHeaders) record.headers();
        published.headers().forEach(headers::add);
        return record;
    }
}

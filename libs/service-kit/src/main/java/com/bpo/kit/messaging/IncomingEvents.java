package com.bpo.kit.messaging;

import com.bpo.contracts.EventDefinition;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads events from Kafka records: the consuming side's check of every payload against the schema of its type.
 *
 * <p>Channels consume {@code byte[]} values (the {@code ByteArrayDeserializer}), so deserialisation itself never
 * fails; a record that is not a valid event fails here with {@link UnreadableEventException}, the consumer method
 * fails, and the channel's failure strategy sends the record to its dead-letter topic without blocking the partition.
 */
public final class IncomingEvents {

    private IncomingEvents() {}

    /**
     * Reads the event of a consumed record.
     *
     * @throws UnreadableEventException if the record is not a valid event of a known type, or not a valid CloudEvent
     */
    public static IncomingEvent read(ConsumerRecord<String, byte[]> record) {
        return read(
                record.headers(), record.value(), record.key(), record.topic(), record.partition(), record.offset());
    }

    /**
     * Reads the event of a message of a Kafka channel.
     *
     * @throws IllegalArgumentException if the message did not come from a Kafka channel
     * @throws UnreadableEventException if the record is not a valid event of a known type, or not a valid CloudEvent
     */
    public static IncomingEvent read(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("the message did not come from a Kafka channel"));
        return read(
                metadata.getHeaders(),
                message.getPayload(),
                metadata.getKey(),
                metadata.getTopic(),
                metadata.getPartition(),
                metadata.getOffset());
    }

    static IncomingEvent read(Headers headers, byte[] value, String key, String topic, int partition, long offset) {
        try {
            EventEnvelope envelope = CloudEventRecords.fromRecord(headers, value);
            Optional<EventDefinition> definition = EventTypes.find(envelope.type());
            if (definition.isEmpty()) {
                return new IncomingEvent(envelope, null, key, topic, partition, offset);
            }
            // One parse: the schema check's tree is what the payload is bound from.
            JsonNode tree = EventSchemas.requireValidTree(envelope.type(), value);
            EventPayload payload = EventJson.fromTree(tree, definition.get().payloadType());
            return new IncomingEvent(envelope, payload, key, topic, partition, offset);
        } catch (IllegalArgumentException e) {
            // InvalidEventException and malformed headers or JSON all land here.
            // The position is built only here: a string per readable record would cost for nothing.
            throw new UnreadableEventException(topic + "/" + partition + "@" + offset, e);
        }
    }
}

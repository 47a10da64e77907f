package com.bpo.kit.org;

import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.Topics;
import com.bpo.kit.messaging.CloudEventRecords;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.OutgoingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes organisation events on {@code org.events} as agent-service does (binary CloudEvents keyed
 * {@code <kind>:<id>}, through the kit's producer), all on partition 0 so that a test can rely on their order:
 * once a later record is applied, every earlier one was.
 */
final class OrgEventsOnPartitionZero {

    private static final Duration ACKNOWLEDGED = Duration.ofSeconds(30);

    private final EventProducer producer;

    OrgEventsOnPartitionZero(EventProducer producer) {
        this.producer = producer;
    }

    /** Publishes the state of {@code event} as of {@code time} and returns its event id. */
    String publish(OutgoingEvent event, Instant time) {
        OutgoingEvent timed = event.withTime(time);
        String id = UUID.randomUUID().toString();
        EventEnvelope envelope = timed.envelope(id, "/agent-service", timed.validatedPayload());
        send(CloudEventRecords.toRecord(Topics.ORG_EVENTS, timed.key(), envelope, timed.headers()));
        return id;
    }

    /** Publishes a record with any headers and value, valid or not. */
    void publishRaw(String key, EventEnvelope envelope) {
        send(CloudEventRecords.toRecord(Topics.ORG_EVENTS, key, envelope, Map.of()));
    }

    /** Publishes a tombstone: the aggregate was deleted from the compacted topic. */
    void tombstone(String key) {
        send(new ProducerRecord<>(Topics.ORG_EVENTS, key, null));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        ProducerRecord<String, byte[]> onPartitionZero =
                new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers());
        producer.sendAll(List.of(onPartitionZero)).await().atMost(ACKNOWLEDGED);
    }
}

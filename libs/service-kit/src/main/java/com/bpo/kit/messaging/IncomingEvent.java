package com.bpo.kit.messaging;

import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventPayload;
import java.time.Instant;
import java.util.Objects;

/**
 * An event read from Kafka: its CloudEvent attributes, its payload checked against the schema of its type and
 * parsed into the contracts' record, and where it was read from.
 *
 * <pre>{@code
 * IncomingEvent event = IncomingEvents.read(record);
 * if (event.payload() instanceof MessageSent message) { ... }
 * }</pre>
 *
 * @param envelope the CloudEvent (attributes and raw JSON payload)
 * @param payload the parsed payload; null when the type is not in this build's catalog (a newer producer's
 *     additive type), which a consumer skips
 * @param key the record key
 * @param topic the topic it was read from
 * @param partition the partition it was read from
 * @param offset its offset in that partition
 */
public record IncomingEvent(
        EventEnvelope envelope, EventPayload payload, String key, String topic, int partition, long offset) {

    public IncomingEvent {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(topic, "topic");
    }

    /** The {@code ce_id}: what idempotent consumers remember (see {@code Inbox}). */
    public String id() {
        return envelope.id();
    }

    /** The {@code ce_type}. */
    public String type() {
        return envelope.type();
    }

    /** The {@code ce_brandid}, if any. */
    public String brandId() {
        return envelope.brandId();
    }

    /** The {@code ce_vendorid}, if any. */
    public String vendorId() {
        return envelope.vendorId();
    }

    /** The {@code ce_time}, if any. */
    public Instant time() {
        return envelope.time();
    }

    /** Whether this build knows the event's type; an unknown type has no parsed payload. */
    public boolean knownType() {
        return payload != null;
    }

    /** Where the record was read from, for logs and errors: {@code topic/partition@offset}. */
    public String position() {
        return topic + "/" + partition + "@" + offset;
    }
}

package com.bpo.kit.messaging;

import com.bpo.contracts.EventDefinition;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event a service is about to publish, through the outbox ({@code OutboxWriter}) or straight to Kafka
 * ({@link FactPublisher}). The type and topic come from the contracts' catalog for the payload's record, the record
 * key is the payload's {@link EventPayload#key()} (the aggregate id, so one aggregate's events stay in order).
 *
 * <pre>{@code
 * OutgoingEvent.of(ticketOpened).withBrand(brandId).withVendor(vendorId).withTime(openedAt)
 * }</pre>
 *
 * @param type the {@code ce_type}
 * @param topic the topic to publish to
 * @param key the Kafka record key
 * @param subject the {@code ce_subject}; the key unless set otherwise
 * @param brandId the {@code ce_brandid}; absent only for vendor-level organisation events
 * @param vendorId the {@code ce_vendorid}, where one applies
 * @param time the {@code ce_time}: when the change or fact happened; now unless set otherwise
 * @param payload the payload record, serialised with {@code EventJson} and checked against its JSON Schema
 * @param headers extra Kafka headers carried as they are, e.g. {@code traceparent}
 */
public record OutgoingEvent(
        String type,
        String topic,
        String key,
        String subject,
        String brandId,
        String vendorId,
        Instant time,
        EventPayload payload,
        Map<String, String> headers) {

    public OutgoingEvent {
        requireText(type, "type");
        requireText(topic, "topic");
        requireText(key, "key");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
        headers = Map.copyOf(headers);
    }

    /** The event for {@code payload}, with type and topic from the catalog, keyed and subjected by its key. */
    public static OutgoingEvent of(EventPayload payload) {
        Objects.requireNonNull(payload, "payload");
        EventDefinition definition = EventTypes.definitionOf(payload.getClass());
        return new OutgoingEvent(
                definition.type(),
                definition.topic(),
                payload.key(),
                payload.key(),
                null,
                null,
                Instant.now(),
                payload,
                Map.of());
    }

    public OutgoingEvent withBrand(String brandId) {
        return new OutgoingEvent(type, topic, key, subject, brandId, vendorId, time, payload, headers);
    }

    public OutgoingEvent withVendor(String vendorId) {
        return new OutgoingEvent(type, topic, key, subject, brandId, vendorId, time, payload, headers);
    }

    public OutgoingEvent withSubject(String subject) {
        return new OutgoingEvent(type, topic, key, subject, brandId, vendorId, time, payload, headers);
    }

    public OutgoingEvent withTime(Instant time) {
        return new OutgoingEvent(type, topic, key, subject, brandId, vendorId, time, payload, headers);
    }

    /** Another key than the payload's; only where the aggregate that orders the events is another one. */
    public OutgoingEvent withKey(String key) {
        return new OutgoingEvent(type, topic, key, subject, brandId, vendorId, time, payload, headers);
    }

    /**
     * Another topic than the catalog's. Services publish to the catalog's topics; this exists for tests and for
     * re-publishing to a topic of the same shape (e.g. a replay topic).
     */
    public OutgoingEvent withTopic(String topic) {
        return new OutgoingEvent(type, topic, key, subject, brandId, vendorId, time, payload, headers);
    }

    /** Adds a Kafka header carried as it is, e.g. the trace context; not one of the {@code ce_} headers. */
    public OutgoingEvent withHeader(String name, String value) {
        requireText(name, "header name");
        if (name.startsWith("ce_")) {
            throw new IllegalArgumentException("ce_ headers are set from the event itself, not added: " + name);
        }
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, Objects.requireNonNull(value, "header value"));
        return new OutgoingEvent(type, topic, key, subject, brandId, vendorId, time, payload, more);
    }

    /**
     * The payload as JSON, checked against the schema of {@link #type()}: the producing side's check.
     *
     * @throws com.bpo.contracts.InvalidEventException if the payload does not match the schema
     * @throws IllegalArgumentException if the payload is larger than {@link #MAX_PAYLOAD_BYTES}
     */
    public byte[] validatedPayload() {
        byte[] json = payloadJson();
        EventSchemas.requireValid(type, json);
        return json;
    }

    /**
     * The payload as JSON, without the schema check: for payloads whose records are built only from typed fields that
     * were checked already, where tests show that such records match the schema (see {@link FactPublisher}).
     *
     * @throws IllegalArgumentException if the payload is larger than {@link #MAX_PAYLOAD_BYTES}
     */
    public byte[] payloadJson() {
        byte[] json = EventJson.toBytes(payload);
        // Refused here, in the writer's transaction: a record the broker rejects for good would otherwise sit at the
        // head of the outbox and hold back every later event.
        if (json.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("event " + type + " for " + subject + " has a payload of " + json.length
                    + " bytes; at most " + MAX_PAYLOAD_BYTES + " fit into one Kafka record");
        }
        return json;
    }

    /** The CloudEvent of this event with {@code id}, published by {@code source}, carrying {@code json}. */
    public EventEnvelope envelope(String id, String source, byte[] json) {
        return new EventEnvelope(id, type, source, time, subject, brandId, vendorId, json);
    }

    /**
     * The largest payload an event may carry: below Kafka's default 1 MiB request and message limits, leaving room
     * for the key and the CloudEvents headers.
     */
    public static final int MAX_PAYLOAD_BYTES = 900 * 1024;

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

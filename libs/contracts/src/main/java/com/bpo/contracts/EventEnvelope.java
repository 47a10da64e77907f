package com.bpo.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One CloudEvent as it travels on Kafka in binary mode: the attributes become {@link CloudEventHeaders} and the JSON
 * payload is the record value. Kept free of Kafka types so that every module can use it.
 *
 * @param id unique per event; a re-sent fact keeps its id (see {@link EventIds})
 * @param type the {@code ce_type}, one of {@link EventTypes}
 * @param source the producing service as a URI reference, e.g. {@code /agent-service}
 * @param time when the fact happened; optional
 * @param subject the aggregate the event is about, e.g. a conversation id; optional
 * @param brandId the brand extension attribute; optional (vendor-only organisation events have none)
 * @param vendorId the vendor extension attribute; optional
 * @param payload the JSON payload (copied in and out, so the envelope stays immutable)
 */
public record EventEnvelope(
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        String brandId,
        String vendorId,
        byte[] payload) {

    private static final byte[] SPEC_VERSION_1_0 =
            CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] APPLICATION_JSON =
            CloudEventHeaders.APPLICATION_JSON.getBytes(StandardCharsets.US_ASCII);

    public EventEnvelope {
        requireText(id, CloudEventHeaders.ID);
        requireText(type, CloudEventHeaders.TYPE);
        requireText(source, CloudEventHeaders.SOURCE);
        Objects.requireNonNull(payload, "payload");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload decoded as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The binary-mode headers of this event; optional attributes that are absent are left out. */
    public Map<String, byte[]> toHeaders() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        put(headers, CloudEventHeaders.ID, id);
        put(headers, CloudEventHeaders.TYPE, type);
        put(headers, CloudEventHeaders.SOURCE, source);
        put(headers, CloudEventHeaders.TIME, time == null ? null : Rfc3339.format(time));
        put(headers, CloudEventHeaders.SUBJECT, subject);
        put(headers, CloudEventHeaders.BRAND_ID, brandId);
        put(headers, CloudEventHeaders.VENDOR_ID, vendorId);
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return Collections.unmodifiableMap(headers);
    }

    /** Reads an event from binary-mode headers given as a map of header name to UTF-8 value. */
    public static EventEnvelope fromHeaders(Map<String, byte[]> headers, byte[] payload) {
        Objects.requireNonNull(headers, "headers");
        return fromHeaders(headers::get, payload);
    }

    /**
     * Reads an event from binary-mode headers through a look-up of the last value of a header name, so that a Kafka
     * {@code Headers} object can be read without copying it: {@code name -> lastValue(record.headers(), name)}.
     *
     * @throws IllegalArgumentException if the spec version is not 1.0, a required attribute is missing, the time is
     *     not an RFC 3339 timestamp, or the content type is not JSON
     */
    public static EventEnvelope fromHeaders(Function<String, byte[]> header, byte[] payload) {
        Objects.requireNonNull(header, "header");
        // The two fixed attributes are compared as bytes: consumers read tens of thousands of records a second.
        byte[] specVersion = header.apply(CloudEventHeaders.SPEC_VERSION);
        if (!Arrays.equals(SPEC_VERSION_1_0, specVersion)) {
            throw new IllegalArgumentException("header " + CloudEventHeaders.SPEC_VERSION + " must be "
                    + CloudEventHeaders.SPEC_VERSION_1_0 + ", was " + utf8(specVersion));
        }
        byte[] contentType = header.apply(CloudEventHeaders.CONTENT_TYPE);
        // A missing content type means JSON by our convention; anything else is not an event of this platform.
        if (contentType != null && !startsWith(contentType, APPLICATION_JSON)) {
            throw new IllegalArgumentException("header " + CloudEventHeaders.CONTENT_TYPE + " must be "
                    + CloudEventHeaders.APPLICATION_JSON + ", was " + utf8(contentType));
        }
        return new EventEnvelope(
                text(header, CloudEventHeaders.ID),
                text(header, CloudEventHeaders.TYPE),
                text(header, CloudEventHeaders.SOURCE),
                time(text(header, CloudEventHeaders.TIME)),
                text(header, CloudEventHeaders.SUBJECT),
                text(header, CloudEventHeaders.BRAND_ID),
                text(header, CloudEventHeaders.VENDOR_ID),
                payload);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventEnvelope that
                && id.equals(that.id)
                && type.equals(that.type)
                && source.equals(that.source)
                && Objects.equals(time, that.time)
                && Objects.equals(subject, that.subject)
                && Objects.equals(brandId, that.brandId)
                && Objects.equals(vendorId, that.vendorId)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, source, time, subject, brandId, vendorId) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        // The payload may carry personal data, so only its size is shown.
        return "EventEnvelope[id=" + id + ", type=" + type + ", source=" + source + ", time=" + time + ", subject="
                + subject + ", brandId=" + brandId + ", vendorId=" + vendorId + ", payload=" + payload.length
                + " bytes]";
    }

    private static void put(Map<String, byte[]> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String text(Function<String, byte[]> header, String name) {
        return utf8(header.apply(name));
    }

    private static String utf8(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Whether {@code value} starts with the ASCII bytes {@code prefix} (so its UTF-8 text starts with its text). */
    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            // RFC 3339 allows any offset; other producers may not write UTC.
            return Rfc3339.parseInstant(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "header " + CloudEventHeaders.TIME + " is not an RFC 3339 timestamp: " + value, e);
        }
    }

    private static void requireText(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("header " + header + " is required");
        }
    }
}

package com.bpo.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON conventions of event payloads: ISO-8601 instants in UTC ({@code 2026-06-01T08:00:00Z}), ISO-8601
 * durations, exact decimals (never through {@code double}), absent rather than {@code null} optional fields, and
 * unknown fields ignored so that additive changes never break a consumer.
 */
public final class EventJson {

    // Private and never handed out, so nobody can reconfigure it; mappers are thread-safe once configured.
    private static final ObjectMapper SHARED = mapper();

    private EventJson() {}

    /** A new mapper with the event conventions; callers may keep and share it. */
    public static ObjectMapper mapper() {
        return configure(JsonMapper.builder().build());
    }

    /**
     * Applies the event conventions to an existing mapper, e.g. the one of a Quarkus application.
     *
     * @return {@code mapper}
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                // After JavaTimeModule, so that its fast path serves the usual timestamp shapes.
                .registerModule(new Rfc3339Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Decimals read into a tree or a Map stay exact instead of becoming doubles.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                // Decimals in plain notation (100, not 1E+2), as people and other parsers expect them.
                .configure(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature(), true)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The JSON bytes of {@code payload}. */
    public static byte[] toBytes(Object payload) {
        try {
            return SHARED.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + payload.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Reads a payload of {@code type} from JSON.
     *
     * @throws IllegalArgumentException if the bytes are not JSON of that shape
     */
    public static <T> T fromBytes(byte[] json, Class<T> type) {
        try {
            return SHARED.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // Reading from a byte array does no I/O; only a broken JVM gets here.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Binds a payload of {@code type} from a tree already parsed (with {@link #mapper()}'s settings, as
     * {@link EventSchemas#requireValidTree} does); gives the same record as {@link #fromBytes} on the tree's bytes.
     *
     * @throws IllegalArgumentException if the tree is not of that shape
     */
    public static <T> T fromTree(JsonNode json, Class<T> type) {
        try {
            return SHARED.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}

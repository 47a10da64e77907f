package com.bpo.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks event payloads against the JSON Schema (draft 2020-12) of their type, on the producing and on the consuming
 * side. Compiled schemas are cached; they are immutable and safe to share between threads.
 */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    // Draft 2020-12 only annotates formats by default; event times and durations must really be well formed.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ENGLISH)
            .build();

    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private static final Map<String, Optional<QuickSchemaCheck>> QUICK = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /**
     * Validates a JSON payload against the schema of {@code type}.
     *
     * @return what is wrong, each naming the JSON path of the offending value; empty when the payload is valid
     */
    public static List<String> validate(String type, byte[] json) {
        JsonNode payload;
        try {
            payload = parse(json);
        } catch (JsonProcessingException e) {
            return List.of(notJson(e));
        }
        return validate(type, payload);
    }

    /** As {@link #validate(String, byte[])}, for a payload already parsed. */
    public static List<String> validate(String type, JsonNode payload) {
        if (EventTypes.find(type).isEmpty()) {
            return List.of("unknown event type: " + type);
        }
        if (payload == null || payload.isMissingNode()) {
            return List.of("$: payload is empty");
        }
        if (quickCheck(type).map(check -> check.certainlyValid(payload)).orElse(false)) {
            return List.of();
        }
        return validateFully(type, payload);
    }

    /** The full validator's messages on {@code payload} of a known type, without the quick check. */
    static List<String> validateFully(String type, JsonNode payload) {
        return schema(type).validate(payload).stream()
                .sorted(Comparator.comparing(
                                (ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }

    /** Serialises {@code payload} with {@link EventJson} and validates it against the schema of its event type. */
    public static List<String> validate(EventPayload payload) {
        // The bytes, not a tree built from the record, are what goes on the wire.
        return validate(EventTypes.definitionOf(payload.getClass()).type(), EventJson.toBytes(payload));
    }

    /**
     * Validates a JSON payload against the schema of {@code type}.
     *
     * @throws InvalidEventException if the payload is not valid or the type is unknown
     */
    public static void requireValid(String type, byte[] json) {
        throwIfInvalid(type, validate(type, json));
    }

    /**
     * Validates a JSON payload against the schema of {@code type} and answers it parsed, so that a consumer binds the
     * tree with {@link EventJson#fromTree} instead of parsing the bytes a second time.
     *
     * @throws InvalidEventException if the payload is not JSON, not valid, or the type is unknown
     */
    public static JsonNode requireValidTree(String type, byte[] json) {
        JsonNode payload;
        try {
            payload = parse(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(type, List.of(notJson(e)));
        }
        throwIfInvalid(type, validate(type, payload));
        return payload;
    }

    /**
     * Serialises {@code payload} and validates it against the schema of its event type.
     *
     * @throws InvalidEventException if the payload is not valid
     */
    public static void requireValid(EventPayload payload) {
        throwIfInvalid(EventTypes.definitionOf(payload.getClass()).type(), validate(payload));
    }

    private static JsonNode parse(byte[] json) throws JsonProcessingException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // Reading from a byte array does no I/O; only a broken JVM gets here.
            throw new UncheckedIOException(e);
        }
    }

    private static String notJson(JsonProcessingException e) {
        return "$: not JSON: " + e.getOriginalMessage();
    }

    private static void throwIfInvalid(String type, List<String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidEventException(type, errors);
        }
    }

    private static Optional<QuickSchemaCheck> quickCheck(String type) {
        return QUICK.computeIfAbsent(type, EventSchemas::compileQuick);
    }

    private static Optional<QuickSchemaCheck> compileQuick(String type) {
        return QuickSchemaCheck.compile(readSchema(type));
    }

    private static JsonSchema schema(String type) {
        return COMPILED.computeIfAbsent(type, EventSchemas::compile);
    }

    private static JsonSchema compile(String type) {
        return FACTORY.getSchema(readSchema(type), CONFIG);
    }

    private static JsonNode readSchema(String type) {
        String resource = EventTypes.definition(type).schemaResource();
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + resource);
            }
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("schema resource is not JSON: " + resource, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }
}

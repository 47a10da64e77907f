package com.bpo.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.QuickSchemaCheck.PlainDateTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quick check may only ever call valid what the full validator calls valid; it is held to that on every schema
 * with payloads that break each property in many ways, and on the date-time shapes it judges itself.
 */
class QuickSchemaCheckTest {

    private static final ObjectMapper MAPPER = EventJson.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Stream<String> types() {
        return EventTypes.CATALOG.stream().map(EventDefinition::type);
    }

    @ParameterizedTest
    @MethodSource("types")
    void everySampleIsCertainlyValidWhereTheSchemaCompiles(String type) {
        var check = QuickSchemaCheck.compile(schema(type));
        // The alert's window is an ISO-8601 duration, a format only the full validator judges.
        assertThat(check.isPresent()).isEqualTo(!type.equals(EventTypes.ALERT_RAISED));
        check.ifPresent(quick -> assertThat(quick.certainlyValid(sample(type))).isTrue());
    }

    @ParameterizedTest
    @MethodSource("types")
    void neverCallsValidWhatTheFullValidatorRefuses(String type) {
        var check = QuickSchemaCheck.compile(schema(type));
        if (check.isEmpty()) {
            return;
        }
        QuickSchemaCheck quick = check.get();
        List<byte[]> payloads = new ArrayList<>();
        ObjectNode sample = sample(type);
        for (String pointer : pointers(sample, "")) {
            for (Function<JsonNode, JsonNode> breaking : breakings()) {
                ObjectNode changed = sample.deepCopy();
                JsonNode original = changed.at(pointer);
                JsonNode replacement = breaking.apply(original);
                if (replacement == null) {
                    remove(changed, pointer);
                } else {
                    replace(changed, pointer, replacement);
                }
                payloads.add(bytes(changed));
            }
        }
        payloads.addAll(rawBreakings(bytes(sample)));
        Random random = new Random(type.hashCode());
        for (int i = 0; i < 300; i++) {
            payloads.add(randomlyChanged(sample, random));
        }

        int judgedValid = 0;
        int fullyValid = 0;
        for (byte[] payload : payloads) {
            JsonNode tree = tree(payload);
            if (tree == null) {
                continue;
            }
            boolean full = EventSchemas.validateFully(type, tree).isEmpty();
            boolean certain = quick.certainlyValid(tree);
            if (certain) {
                assertThat(full)
                        .as(
                                "quick check calls valid, full validator refuses: %s",
                                new String(payload, StandardCharsets.UTF_8))
                        .isTrue();
                judgedValid++;
            }
            if (full) {
                fullyValid++;
            }
        }
        // Not vacuous: some changes keep the payload valid (longer ids, unknown fields, other enum values), and the
        // quick check judges most of those itself.
        assertThat(judgedValid).isPositive();
        assertThat(judgedValid).isLessThanOrEqualTo(fullyValid);
        assertThat(payloads.size() - fullyValid).isPositive();
    }

    @Test
    void plainDateTimesAreOnlyThoseTheFullValidatorAccepts() {
        JsonSchema dateTime = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(
                        "{\"type\":\"string\",\"format\":\"date-time\"}",
                        SchemaValidatorsConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build());
        List<String> values = new ArrayList<>(List.of(
                "2026-06-19T02:00:00Z",
                "2026-06-19T02:00:00.1Z",
                "2026-06-19T02:00:00.123456789Z",
                "2026-06-19T02:00:00.1234567890Z",
                "2026-06-19T10:00:00+08:00",
                "2026-06-19T10:00:00-00:00",
                "2026-06-19T10:00:00+14:00",
                "2026-06-19T10:00:00-14:59",
                "2026-06-19T10:00:00+15:00",
                "2026-06-19T10:00:00+08:60",
                "2024-02-29T00:00:00Z",
                "2023-02-29T00:00:00Z",
                "2000-02-29T00:00:00Z",
                "1900-02-29T00:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-12-31T23:59:59Z",
                "2026-12-31T23:59:60Z",
                "2026-13-01T00:00:00Z",
                "2026-00-01T00:00:00Z",
                "2026-01-00T00:00:00Z",
                "2026-01-01T24:00:00Z",
                "2026-01-01T00:60:00Z",
                "1000-01-01T00:00:00Z",
                "0999-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "2026-06-19t02:00:00z",
                "2026-06-19 02:00:00Z",
                "2026-06-19T02:00:00",
                "2026-06-19T02:00:00.Z",
                "2026-06-19T02:00Z",
                "2026-06-19T02:00:00+0800",
                "2026-06-19T02:00:00+08:00:00",
                "2026-06-19T02:00:00ZZ",
                "２０２６-06-19T02:00:00Z"));
        Random random = new Random(20261124);
        for (int i = 0; i < 2000; i++) {
            values.add("%04d-%02d-%02dT%02d:%02d:%02d%s%s"
                    .formatted(
                            990 + random.nextInt(9100),
                            random.nextInt(14),
                            random.nextInt(33),
                            random.nextInt(26),
                            random.nextInt(62),
                            random.nextInt(62),
                            random.nextBoolean() ? "" : "." + "123456789".substring(0, 1 + random.nextInt(9)),
                            random.nextBoolean()
                                    ? "Z"
                                    : "%s%02d:%02d"
                                            .formatted(
                                                    random.nextBoolean() ? "+" : "-",
                                                    random.nextInt(16),
                                                    random.nextInt(61))));
        }
        int plain = 0;
        for (String value : values) {
            boolean valid = dateTime.validate(NODES.textNode(value)).isEmpty();
            if (PlainDateTime.isPlain(value)) {
                assertThat(valid).as(value).isTrue();
                plain++;
            }
        }
        assertThat(plain).isGreaterThan(100);
        assertThat(PlainDateTime.isPlain("2026-06-19T02:00:00.123456789Z")).isTrue();
        assertThat(PlainDateTime.isPlain("2026-06-19T10:00:00+08:00")).isTrue();
    }

    /** Ways to change one value: null means "remove it". */
    private static List<Function<JsonNode, JsonNode>> breakings() {
        return List.of(
                value -> null,
                value -> NODES.nullNode(),
                value -> NODES.textNode(""),
                value -> NODES.textNode("x"),
                value -> NODES.textNode("y".repeat(128)),
                value -> NODES.textNode("y".repeat(129)),
                value -> NODES.textNode("😀".repeat(128)),
                value -> NODES.textNode("z".repeat(20_001)),
                value -> NODES.textNode(value.isTextual() ? value.textValue() + " " : "1"),
                value -> NODES.textNode(value.isTextual() ? value.textValue().toLowerCase() : "0"),
                value -> NODES.textNode("2026-06-19T02:00:00Z"),
                value -> NODES.textNode("2026-06-19T10:00:00+08:00"),
                value -> NODES.textNode("2026-02-30T00:00:00Z"),
                value -> NODES.textNode("12.50"),
                value -> NODES.textNode("12.123456"),
                value -> NODES.textNode("012"),
                value -> NODES.textNode("CHAT"),
                value -> NODES.textNode("PAID"),
                value -> NODES.numberNode(0),
                value -> NODES.numberNode(-1),
                value -> NODES.numberNode(1),
                value -> NODES.numberNode(5),
                value -> NODES.numberNode(6),
                value -> NODES.numberNode(3601),
                value -> NODES.numberNode(Long.MAX_VALUE),
                value -> NODES.numberNode(new BigInteger("123456789012345678901234567890")),
                value -> NODES.numberNode(new BigDecimal("1.0")),
                value -> NODES.numberNode(new BigDecimal("0.5")),
                value -> NODES.numberNode(new BigDecimal("-0.5")),
                value -> NODES.numberNode(new BigDecimal("100.5")),
                value -> NODES.numberNode(new BigDecimal("1E+2")),
                value -> NODES.booleanNode(true),
                value -> NODES.objectNode(),
                value -> NODES.arrayNode(),
                value -> NODES.arrayNode().add("a").add("a"),
                value -> NODES.arrayNode().add("a").add("b"),
                value -> NODES.arrayNode().add(1),
                value -> value.isArray() && !value.isEmpty()
                        ? ((ArrayNode) value.deepCopy()).add(value.get(0))
                        : NODES.arrayNode().add(NODES.nullNode()),
                value -> value.isObject() ? ((ObjectNode) value.deepCopy()).put("unknownField", 1) : value);
    }

    /** Changes only text can make: duplicate keys, trailing content, other roots. */
    private static List<byte[]> rawBreakings(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        String body = text.substring(1, text.length() - 1);
        String firstField = body.substring(0, body.indexOf(','));
        return Stream.of(
                        "{" + body + "," + firstField + "}",
                        "{" + firstField.replaceFirst(":.*", ":null") + "," + body + "}",
                        text + " {}",
                        text + " x",
                        text.substring(0, text.length() - 1),
                        "[" + text + "]",
                        "",
                        "null",
                        "{}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    private static byte[] randomlyChanged(ObjectNode sample, Random random) {
        ObjectNode changed = sample.deepCopy();
        List<String> pointers = pointers(changed, "");
        List<Function<JsonNode, JsonNode>> breakings = breakings();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            String pointer = pointers.get(random.nextInt(pointers.size()));
            JsonNode original = changed.at(pointer);
            if (original.isMissingNode()) {
                continue;
            }
            JsonNode replacement =
                    breakings.get(random.nextInt(breakings.size())).apply(original);
            if (replacement == null) {
                remove(changed, pointer);
            } else {
                replace(changed, pointer, replacement);
            }
        }
        return bytes(changed);
    }

    /** JSON pointers of every value under {@code node}, the root's own fields first. */
    private static List<String> pointers(JsonNode node, String prefix) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String pointer = prefix + "/" + field.getKey();
                pointers.add(pointer);
                pointers.addAll(pointers(field.getValue(), pointer));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String pointer = prefix + "/" + i;
                pointers.add(pointer);
                pointers.addAll(pointers(node.get(i), pointer));
            }
        }
        return pointers;
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static void remove(ObjectNode root, String pointer) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
    }

    /** The tree the bytes parse to, as consumers parse them; null for what is not JSON. */
    private static JsonNode tree(byte[] payload) {
        try {
            JsonNode tree = MAPPER.readTree(payload);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode sample(String type) {
        return MAPPER.valueToTree(EventSamples.of(type));
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schema(String type) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(
                EventTypes.definition(type).schemaResource())) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

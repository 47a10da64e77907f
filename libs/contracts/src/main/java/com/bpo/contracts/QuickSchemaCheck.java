package com.bpo.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A payload schema compiled into plain checks on the parsed payload that answer only "certainly valid". Whatever it
 * does not judge exactly as the full validator does (a decimal where an integer is expected, a very large integer, an
 * enum of numbers, a date-time outside its plain shape, a duration) makes it answer "not sure", and
 * {@link EventSchemas} then asks the full validator, whose answer and messages decide. A schema using a keyword outside
 * the set the contracts use compiles to nothing.
 *
 * <p>Why: consumers check every record of every topic; the full validator's walk cost about as much as parsing the
 * record.
 */
final class QuickSchemaCheck {

    private static final Set<String> ANNOTATIONS =
            Set.of("$schema", "$id", "$comment", "title", "description", "default", "examples");

    private final Rule root;

    private QuickSchemaCheck(Rule root) {
        this.root = root;
    }

    /** Compiles {@code schema}; empty if it uses a keyword this check does not know. */
    static Optional<QuickSchemaCheck> compile(JsonNode schema) {
        try {
            return Optional.of(new QuickSchemaCheck(Rule.of(schema)));
        } catch (UnsupportedSchemaException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code payload} is certainly valid; false means "invalid or not sure". */
    boolean certainlyValid(JsonNode payload) {
        return payload != null && payload.isObject() && root.accepts(payload);
    }

    private enum Kind {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        OBJECT,
        ARRAY,
        NULL;

        static Kind of(String name) {
            return switch (name) {
                case "string" -> STRING;
                case "integer" -> INTEGER;
                case "number" -> NUMBER;
                case "boolean" -> BOOLEAN;
                case "object" -> OBJECT;
                case "array" -> ARRAY;
                case "null" -> NULL;
                default -> throw new UnsupportedSchemaException();
            };
        }
    }

    /** One schema node. Only the keywords the contracts' schemas use; any other makes the schema unsupported. */
    private static final class Rule {
        private EnumSet<Kind> types;
        private Set<String> enumStrings;
        private int minLength = 0;
        private int maxLength = Integer.MAX_VALUE;
        private Pattern pattern;
        private boolean dateTime;
        private BigDecimal minimum;
        private BigDecimal maximum;
        private BigDecimal exclusiveMinimum;
        private BigDecimal exclusiveMaximum;
        private final Map<String, Rule> properties = new HashMap<>();
        private final List<String> required = new ArrayList<>();
        private Rule items;
        private int minItems = 0;
        private int maxItems = Integer.MAX_VALUE;
        private boolean uniqueItems;

        static Rule of(JsonNode schema) {
            if (!schema.isObject()) {
                throw new UnsupportedSchemaException();
            }
            Rule rule = new Rule();
            Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                rule.read(field.getKey(), field.getValue());
            }
            return rule;
        }

        private void read(String keyword, JsonNode value) {
            switch (keyword) {
                case "type" -> types = types(value);
                case "enum" -> enumStrings = strings(value);
                case "minLength" -> minLength = count(value);
                case "maxLength" -> maxLength = count(value);
                // The full validator compiles the pattern with java.util.regex and looks for a match anywhere.
                case "pattern" -> pattern = Pattern.compile(text(value));
                case "format" -> dateTime = dateTimeFormat(value);
                case "minimum" -> minimum = number(value);
                case "maximum" -> maximum = number(value);
                case "exclusiveMinimum" -> exclusiveMinimum = number(value);
                case "exclusiveMaximum" -> exclusiveMaximum = number(value);
                case "properties" ->
                    value.fields()
                            .forEachRemaining(
                                    property -> properties.put(property.getKey(), Rule.of(property.getValue())));
                case "required" -> required.addAll(strings(value));
                case "additionalProperties" -> requireTrue(value);
                case "items" -> items = Rule.of(value);
                case "minItems" -> minItems = count(value);
                case "maxItems" -> maxItems = count(value);
                case "uniqueItems" -> uniqueItems = value.isBoolean() && value.booleanValue();
                default -> {
                    if (!ANNOTATIONS.contains(keyword)) {
                        throw new UnsupportedSchemaException();
                    }
                }
            }
        }

        boolean accepts(JsonNode value) {
            if (value.isTextual()) {
                return allows(Kind.STRING) && acceptsString(value.textValue());
            }
            if (value.isNumber()) {
                return enumStrings == null && acceptsNumber(value);
            }
            if (value.isBoolean()) {
                return allows(Kind.BOOLEAN) && enumStrings == null;
            }
            if (value.isNull()) {
                return allows(Kind.NULL) && enumStrings == null;
            }
            if (value.isObject()) {
                return allows(Kind.OBJECT) && enumStrings == null && acceptsObject(value);
            }
            if (value.isArray()) {
                return allows(Kind.ARRAY) && enumStrings == null && acceptsArray(value);
            }
            return false;
        }

        private boolean allows(Kind kind) {
            // Without a type keyword the full validator's other keywords decide; not judged here.
            return types != null && types.contains(kind);
        }

        private boolean acceptsString(String value) {
            if (enumStrings != null && !enumStrings.contains(value)) {
                return false;
            }
            // A string of n chars has between n / 2 and n code points: count them only when that range straddles a
            // limit (message texts run to thousands of characters).
            int chars = value.length();
            if ((chars + 1) / 2 < minLength || chars > maxLength) {
                int length = value.codePointCount(0, chars);
                if (length < minLength || length > maxLength) {
                    return false;
                }
            }
            if (pattern != null && !pattern.matcher(value).find()) {
                return false;
            }
            return !dateTime || PlainDateTime.isPlain(value);
        }

        private boolean acceptsNumber(JsonNode value) {
            if (value.isIntegralNumber() && !value.isBigInteger()) {
                return (allows(Kind.INTEGER) || allows(Kind.NUMBER))
                        && withinBounds(BigDecimal.valueOf(value.longValue()));
            }
            // A decimal is judged only where any number is allowed ("integer" accepts 1.0, which is not judged here),
            // and only as the exact decimal the event mapper reads.
            return value.isBigDecimal()
                    && allows(Kind.NUMBER)
                    && !allows(Kind.INTEGER)
                    && withinBounds(value.decimalValue());
        }

        private boolean withinBounds(BigDecimal value) {
            return (minimum == null || value.compareTo(minimum) >= 0)
                    && (maximum == null || value.compareTo(maximum) <= 0)
                    && (exclusiveMinimum == null || value.compareTo(exclusiveMinimum) > 0)
                    && (exclusiveMaximum == null || value.compareTo(exclusiveMaximum) < 0);
        }

        private boolean acceptsObject(JsonNode object) {
            for (String name : required) {
                if (!object.has(name)) {
                    return false;
                }
            }
            for (Map.Entry<String, Rule> property : properties.entrySet()) {
                JsonNode value = object.get(property.getKey());
                if (value != null && !property.getValue().accepts(value)) {
                    return false;
                }
            }
            // Other fields are allowed: additionalProperties is always true here.
            return true;
        }

        private boolean acceptsArray(JsonNode array) {
            int size = array.size();
            if (size < minItems || size > maxItems) {
                return false;
            }
            Set<String> distinct = uniqueItems ? new HashSet<>() : null;
            for (JsonNode element : array) {
                // Uniqueness is judged for strings only.
                if (distinct != null && (!element.isTextual() || !distinct.add(element.textValue()))) {
                    return false;
                }
                if (items != null && !items.accepts(element)) {
                    return false;
                }
            }
            return true;
        }

        private static EnumSet<Kind> types(JsonNode value) {
            EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
            if (value.isTextual()) {
                kinds.add(Kind.of(value.textValue()));
            } else if (value.isArray() && !value.isEmpty()) {
                value.forEach(kind -> kinds.add(Kind.of(text(kind))));
            } else {
                throw new UnsupportedSchemaException();
            }
            return kinds;
        }

        private static Set<String> strings(JsonNode value) {
            if (!value.isArray()) {
                throw new UnsupportedSchemaException();
            }
            Set<String> strings = new HashSet<>();
            value.forEach(element -> strings.add(text(element)));
            return strings;
        }

        private static String text(JsonNode value) {
            if (!value.isTextual()) {
                throw new UnsupportedSchemaException();
            }
            return value.textValue();
        }

        private static int count(JsonNode value) {
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
                throw new UnsupportedSchemaException();
            }
            return value.intValue();
        }

        private static BigDecimal number(JsonNode value) {
            if (!value.isNumber()) {
                throw new UnsupportedSchemaException();
            }
            return value.decimalValue();
        }

        private static boolean dateTimeFormat(JsonNode value) {
            // Other formats (duration) are judged by the full validator only.
            if (!"date-time".equals(text(value))) {
                throw new UnsupportedSchemaException();
            }
            return true;
        }

        private static void requireTrue(JsonNode value) {
            if (!value.isBoolean() || !value.booleanValue()) {
                throw new UnsupportedSchemaException();
            }
        }
    }

    /**
     * RFC 3339 date-times of the plain shape {@code 2026-06-19T02:00:00.123Z} or {@code ...+08:00}: a real calendar
     * date from year 1000, hours 00-23, minutes and seconds 00-59 (no leap second), offsets up to 14 hours other than
     * -00:00. Every other spelling RFC 3339 allows is left to the full validator.
     */
    static final class PlainDateTime {

        private PlainDateTime() {}

        static boolean isPlain(String value) {
            // The shape Rfc3339 reads fast, with a real calendar date and no leap second; narrowed further here.
            OffsetDateTime time = Rfc3339.parseCommonShape(value);
            if (time == null || value.charAt(10) != 'T' || time.getYear() < 1000) {
                return false;
            }
            char last = value.charAt(value.length() - 1);
            if (last == 'Z') {
                return true;
            }
            // -00:00 ("offset unknown" in RFC 3339) is refused by the full validator.
            return last != 'z'
                    && !value.endsWith("-00:00")
                    && Math.abs(time.getOffset().getTotalSeconds()) < 15 * 3600;
        }
    }

    /** A schema keyword this check does not judge; the whole schema is then left to the full validator. */
    private static final class UnsupportedSchemaException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedSchemaException() {
            super(null, null, false, false);
        }
    }
}

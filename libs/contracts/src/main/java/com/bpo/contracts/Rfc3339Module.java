package com.bpo.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Reads {@link OffsetDateTime} and {@link Instant} and writes {@link Instant} through {@link Rfc3339}'s fast path, with
 * exactly the results of Jackson's own {@code JavaTimeModule}: register it after that module. Everything the fast path
 * does not cover (numbers, other shapes, a {@code @JsonFormat} on the property, timestamps as numbers) is handed to
 * the module's own serializers and deserializers.
 */
public final class Rfc3339Module extends SimpleModule {

    public Rfc3339Module() {
        super("bpo-rfc3339");
        addDeserializer(OffsetDateTime.class, new OffsetDateTimeDeserializer());
        addDeserializer(Instant.class, new InstantFromTextDeserializer());
        addSerializer(Instant.class, new InstantTextSerializer());
    }

    /** Whether a {@code @JsonFormat} or a configured format applies, which only JavaTimeModule's own code honours. */
    private static boolean formatted(DeserializationContext context, BeanProperty property, Class<?> type) {
        JsonFormat.Value format = property == null
                ? context.getDefaultPropertyFormat(type)
                : property.findPropertyFormat(context.getConfig(), type);
        return format != null && !format.equals(JsonFormat.Value.empty());
    }

    private static final class OffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime>
            implements ContextualDeserializer {

        OffsetDateTimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                OffsetDateTime value = Rfc3339.parseCommonShape(parser.getText());
                if (value != null) {
                    return context.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                            ? adjusted(value, context.getTimeZone().toZoneId())
                            : value;
                }
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        }

        /** As JavaTimeModule adjusts to the context's zone: the zone's offset at the value's local date-time. */
        private static OffsetDateTime adjusted(OffsetDateTime value, ZoneId zone) {
            return value.withOffsetSameInstant(zone.getRules().getOffset(value.toLocalDateTime()));
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            return formatted(context, property, OffsetDateTime.class)
                    ? InstantDeserializer.OFFSET_DATE_TIME.createContextual(context, property)
                    : this;
        }
    }

    private static final class InstantFromTextDeserializer extends StdScalarDeserializer<Instant>
            implements ContextualDeserializer {

        InstantFromTextDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                OffsetDateTime value = Rfc3339.parseCommonShape(parser.getText());
                if (value != null) {
                    return value.toInstant();
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            return formatted(context, property, Instant.class)
                    ? InstantDeserializer.INSTANT.createContextual(context, property)
                    : this;
        }
    }

    private static final class InstantTextSerializer extends StdSerializer<Instant> implements ContextualSerializer {

        InstantTextSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                InstantSerializer.INSTANCE.serialize(value, generator, provider);
            } else {
                generator.writeString(Rfc3339.format(value));
            }
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonFormat.Value format = property == null
                    ? provider.getDefaultPropertyFormat(Instant.class)
                    : property.findPropertyFormat(provider.getConfig(), Instant.class);
            return format != null && !format.equals(JsonFormat.Value.empty())
                    ? InstantSerializer.INSTANCE.createContextual(provider, property)
                    : this;
        }
    }
}

package com.bpo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339ModuleTest {

    record Sent(OffsetDateTime sentAt, Instant receivedAt) {}

    record Formatted(
            @JsonFormat(pattern = "yyyy/MM/dd HH:mm xxx") OffsetDateTime sentAt,
            @JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant receivedAt) {}

    private static final List<String> TIMESTAMPS = List.of(
            "2026-06-01T08:00:00Z",
            "2026-06-01T16:00:00.123+08:00",
            "2026-03-08T01:30:00.123456-05:00",
            "2026-11-01T01:30:00.123456789-04:00",
            "2026-06-01T08:00:00+00:00",
            " 2026-06-01T08:00:00Z ",
            "1700000000.5");

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Shanghai", "America/New_York"})
    void readsAsJavaTimeModuleReadsWhetherOrNotDatesAreAdjusted(String contextZone) throws Exception {
        for (boolean adjust : new boolean[] {true, false}) {
            ObjectMapper standard = mapper(false, contextZone, adjust);
            ObjectMapper fast = mapper(true, contextZone, adjust);
            for (String timestamp : TIMESTAMPS) {
                String json = "{\"sentAt\":\"" + timestamp + "\",\"receivedAt\":\"" + timestamp + "\"}";
                Sent expected = standard.readValue(json, Sent.class);
                Sent actual = fast.readValue(json, Sent.class);
                assertThat(actual.sentAt()).as(json).isEqualTo(expected.sentAt());
                assertThat(actual.sentAt().getOffset())
                        .as(json)
                        .isEqualTo(expected.sentAt().getOffset());
                assertThat(actual.receivedAt()).as(json).isEqualTo(expected.receivedAt());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T08:00:00Z", "yesterday", "2026-06-01T08:00:00+19:00"})
    void rejectsWhatJavaTimeModuleRejects(String timestamp) {
        String json = "{\"sentAt\":\"" + timestamp + "\"}";
        assertThatThrownBy(() -> mapper(false, "UTC", true).readValue(json, Sent.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> mapper(true, "UTC", true).readValue(json, Sent.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining(timestamp);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void writesInstantsAsJavaTimeModuleWrites(boolean asTimestamps) throws Exception {
        Sent sent = new Sent(
                OffsetDateTime.parse("2026-06-01T16:00:00.120+08:00"), Instant.parse("2026-06-01T08:00:00.000120Z"));
        ObjectMapper standard =
                mapper(false, "UTC", true).configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, asTimestamps);
        ObjectMapper fast =
                mapper(true, "UTC", true).configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, asTimestamps);

        assertThat(fast.writeValueAsString(sent)).isEqualTo(standard.writeValueAsString(sent));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFormatOnThePropertyIsHonouredAsBefore(boolean withModule) throws Exception {
        ObjectMapper mapper = mapper(withModule, "UTC", false);
        Formatted read = mapper.readValue(
                "{\"sentAt\":\"2026/06/01 16:00 +08:00\",\"receivedAt\":1780300800.5}", Formatted.class);

        assertThat(read.sentAt()).isEqualTo(OffsetDateTime.parse("2026-06-01T16:00:00+08:00"));
        assertThat(read.receivedAt()).isEqualTo(Instant.parse("2026-06-01T08:00:00.5Z"));
        assertThat(mapper.writeValueAsString(read)).contains("\"receivedAt\":1780300800.5");
    }

    @ParameterizedTest
    @ValueSource(classes = {OffsetDateTime.class, Instant.class})
    void theModuleServesTimestampsWhenRegisteredAfterJavaTimeModule(Class<?> type) throws Exception {
        ObjectMapper mapper = mapper(true, "UTC", true);
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, mapper.getInjectableValues());

        assertThat(context.findRootValueDeserializer(mapper.constructType(type))
                        .getClass()
                        .getName())
                .startsWith(Rfc3339Module.class.getName());
        assertThat(EventJson.mapper().getRegisteredModuleIds()).contains("bpo-rfc3339");
    }

    private static ObjectMapper mapper(boolean withModule, String contextZone, boolean adjust) {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, adjust)
                .defaultTimeZone(TimeZone.getTimeZone(contextZone))
                .build();
        if (withModule) {
            mapper.registerModule(new Rfc3339Module());
        }
        return mapper;
    }
}

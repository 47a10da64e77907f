package com.bpo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

    @Test
    void parsesTheCommonShapesExactlyAsJavaTime() {
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            String text = randomTimestamp(random);
            assertThat(Rfc3339.parseCommonShape(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
            assertThat(Rfc3339.parseInstant(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-06-01T08:00Z", // no seconds: ISO allows it
                "2026-06-01T08:00:00+08:00:30", // offset with seconds
                "2026-06-01t08:00:00z", // lower case
                "2026-06-01T08:00:00.5-00:00",
                "2026-06-01T08:00:00.Z", // a decimal point without digits
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999+18:00",
                "2024-02-29T12:00:00-18:00"
            })
    void otherValidShapesGiveWhatJavaTimeGives(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T08:00:00Z",
                "2025-02-29T08:00:00Z",
                "2026-06-01T24:00:00Z",
                "2026-06-01T08:60:00Z",
                "2026-06-01T08:00:60Z",
                "2026-13-01T08:00:00Z",
                "2026-06-01T08:00:00+19:00",
                "2026-06-01T08:00:00+08:60",
                "2026-06-01T08:00:00",
                "2026-06-01T08:00:00.1234567891Z",
                "2026-06-01 08:00:00Z",
                "2026-06-0aT08:00:00Z",
                "2026-06-01T08:00:00+0800",
                "not a time",
                ""
            })
    void invalidTextFailsAsJavaTimeFails(String text) {
        assertThat(Rfc3339.parseCommonShape(text)).isNull();
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rfc3339.parse(text))
                .isInstanceOf(DateTimeParseException.class)
                .hasMessageContaining(text);
    }

    @Test
    void formatsInstantsExactlyAsInstantToString() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(), 253_402_300_800L);
            int nano =
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant instant = Instant.ofEpochSecond(second, nano);
            assertThat(Rfc3339.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void formatsInstantsOutsideFourDigitYearsAsInstantToString() {
        for (Instant instant : new Instant[] {
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59.5Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.EPOCH,
            Instant.MIN,
            Instant.MAX
        }) {
            assertThat(Rfc3339.format(instant)).isEqualTo(instant.toString());
        }
    }

    private static String randomTimestamp(Random random) {
        int hours = random.nextInt(37) - 18;
        int minutes = Math.abs(hours) == 18 ? 0 : random.nextInt(4) * 15;
        boolean west = hours < 0 || (hours == 0 && random.nextBoolean());
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(hours * 3600 + (west ? -minutes : minutes) * 60);
        OffsetDateTime time = OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L)), offset);
        StringBuilder text = new StringBuilder(String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                time.getYear(),
                time.getMonthValue(),
                time.getDayOfMonth(),
                time.getHour(),
                time.getMinute(),
                time.getSecond()));
        int digits = random.nextInt(10);
        if (digits > 0) {
            text.append('.');
            for (int i = 0; i < digits; i++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        String offsetId = offset.getId();
        text.append(offsetId.equals("Z") && random.nextBoolean() ? "+00:00" : offsetId);
        return text.toString();
    }
}

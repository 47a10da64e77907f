package com.bpo.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * RFC 3339 timestamps read and written without {@code DateTimeFormatter} on the shapes that events and ingested records
 * carry: {@code 2026-06-01T08:00:00Z}, {@code 2026-06-01T16:00:00.123+08:00}. Every timestamp of every chat message
 * passes here several times (request body, event payload, CloudEvent header), and the formatter's general machinery
 * cost more CPU than any single step of ingestion. Anything outside those shapes goes to {@code java.time} itself, so
 * results and errors are exactly those of {@link OffsetDateTime#parse} and {@link Instant#toString}.
 */
public final class Rfc3339 {

    private static final int[] POWERS_OF_TEN = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
    };

    private Rfc3339() {}

    /**
     * As {@link OffsetDateTime#parse(CharSequence)}.
     *
     * @throws java.time.format.DateTimeParseException if the text is not an ISO-8601 offset date-time
     */
    public static OffsetDateTime parse(String text) {
        OffsetDateTime fast = parseCommonShape(text);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    /** As {@code OffsetDateTime.parse(text).toInstant()}. */
    public static Instant parseInstant(String text) {
        return parse(text).toInstant();
    }

    /** As {@link Instant#toString()}: seconds always, the fraction in groups of three digits, {@code Z}. */
    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        long epochDay = Math.floorDiv(epochSecond, 86_400L);
        // Years 0000 to 9999 only (epoch days of 0000-01-01 and 9999-12-31); Instant.toString signs the others.
        if (epochDay < -719_528L || epochDay > 2_932_896L) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        int nano = instant.getNano();
        StringBuilder text = new StringBuilder(30);
        digits(text, date.getYear(), 4).append('-');
        digits(text, date.getMonthValue(), 2).append('-');
        digits(text, date.getDayOfMonth(), 2).append('T');
        digits(text, secondOfDay / 3600, 2).append(':');
        digits(text, secondOfDay / 60 % 60, 2).append(':');
        digits(text, secondOfDay % 60, 2);
        if (nano != 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                digits(text, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(text, nano / 1_000, 6);
            } else {
                digits(text, nano, 9);
            }
        }
        return text.append('Z').toString();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or null for anything else (including invalid values). */
    static OffsetDateTime parseCommonShape(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || (text.charAt(10) != 'T' && text.charAt(10) != 't')
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int position = 19;
        int nano = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
                position++;
            }
            int digits = position - start;
            if (digits == 0 || (position < length && isDigit(text.charAt(position)))) {
                return null;
            }
            nano = number(text, start, position) * POWERS_OF_TEN[9 - digits];
        }
        ZoneOffset offset = offset(text, position);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            // Out of range (30 February, hour 24): java.time words the error.
            return null;
        }
    }

    private static ZoneOffset offset(String text, int position) {
        int remaining = text.length() - position;
        if (remaining == 1) {
            char zulu = text.charAt(position);
            return zulu == 'Z' || zulu == 'z' ? ZoneOffset.UTC : null;
        }
        if (remaining != 6 || text.charAt(position + 3) != ':') {
            return null;
        }
        char sign = text.charAt(position);
        int hours = number(text, position + 1, position + 3);
        int minutes = number(text, position + 4, position + 6);
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        try {
            return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal digits from {@code start} to {@code end}, or -1 if one is not a digit. */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}

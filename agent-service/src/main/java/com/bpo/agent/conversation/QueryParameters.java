package com.bpo.agent.conversation;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads query parameters and collects what is wrong with them, so that one 400 answer names every bad parameter.
 * They are read as text on purpose: JAX-RS answers a query parameter it cannot convert with 404, not 400.
 */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    // Longer values are not echoed back in the answer.
    private static final int MAX_ECHOED_LENGTH = 100;

    private final List<FieldError> errors = new ArrayList<>();

    /** The value without surrounding blanks, or {@code null} when absent or blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An ISO-8601 date-time with an offset, such as {@code 2026-06-01T00:00:00Z} or {@code ...T08:00:00+08:00}. */
    Instant instant(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return reject(name, "must be an ISO-8601 date-time with an offset, such as 2026-06-01T00:00:00Z", text);
        }
    }

    /** An ISO-8601 local date, such as {@code 2026-06-01}. */
    LocalDate date(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            return reject(name, "must be a date such as 2026-06-01", text);
        }
    }

    /** The page size: {@value #DEFAULT_LIMIT} when absent, at most {@value #MAX_LIMIT}. */
    int limit(String value) {
        String text = text(value);
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        reject("limit", "must be a whole number from 1 to " + MAX_LIMIT, text);
        return DEFAULT_LIMIT;
    }

    ConversationStatus status(String value, ConversationStatus absent) {
        String text = text(value);
        if (text == null) {
            return absent;
        }
        try {
            return ConversationStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            return reject("status", "must be OPEN or CLOSED", text);
        }
    }

    PageCursor cursor(String value, PageCursor.Order order) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return PageCursor.decode(text, order);
        } catch (IllegalArgumentException e) {
            return reject("cursor", e.getMessage() + ": pass the nextCursor of the previous page as it is", null);
        }
    }

    /** Records that {@code name} is wrong; answers {@code null} so that a reader can return it. */
    <T> T reject(String name, String message, String value) {
        errors.add(error(name, message, value));
        return null;
    }

    /** An error of parameter {@code name}, echoing its value only when short. */
    static FieldError error(String name, String message, String value) {
        return new FieldError(name, message, value != null && value.length() <= MAX_ECHOED_LENGTH ? value : null);
    }

    /** @throws ProblemException 400 naming every parameter found wrong so far */
    void requireValid() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? "1 query parameter is invalid."
                    : errors.size() + " query parameters are invalid.";
            throw ProblemException.invalid(detail, errors.toArray(FieldError[]::new));
        }
    }
}

package com.bpo.agent.conversation;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page of a keyset-paged list starts: after the conversation {@code conversationId} whose ordering
 * time is {@code position}. Callers see it as an opaque token; it names the ordering it belongs to, so a cursor of
 * one list is refused by the other instead of skipping rows silently.
 */
public record PageCursor(Order order, Instant position, String conversationId) {

    /** The orderings of the lists: newest first by that time, then by conversation id. */
    public enum Order {
        /** By {@code started_at}: a brand's conversations. */
        STARTED('s'),
        /** By {@code last_message_at}: an agent's conversations, most recent activity first. */
        ACTIVITY('a');

        private final char tag;

        Order(char tag) {
            this.tag = tag;
        }
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The cursor that continues after {@code view} in {@code order}. */
    static PageCursor after(Order order, ConversationView view) {
        Instant position = order == Order.STARTED ? view.startedAt() : view.lastMessageAt();
        return new PageCursor(order, position, view.conversationId());
    }

    String encode() {
        String text = order.tag + "|" + position + "|" + conversationId;
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when {@code token} was not made by {@link #encode()} for {@code expected}
     */
    static PageCursor decode(String token, Order expected) {
        String text;
        try {
            text = new String(DECODER.decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor of this list", e);
        }
        String[] parts = text.split("\\|", 3);
        if (parts.length != 3 || parts[0].length() != 1 || parts[0].charAt(0) != expected.tag || parts[2].isEmpty()) {
            throw new IllegalArgumentException("is not a cursor of this list");
        }
        try {
            return new PageCursor(expected, Instant.parse(parts[1]), parts[2]);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a cursor of this list", e);
        }
    }
}

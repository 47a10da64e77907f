package com.bpo.analytics.kpi.facts;

import com.bpo.contracts.chat.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one conversation's messages give the chat KPIs, computed from all of its messages at once so that the result
 * does not depend on the order they arrived in.
 *
 * @param vendorId vendor of the earliest message
 * @param shopId shop of the earliest message
 * @param channel channel of the earliest message
 * @param customerId customer of the earliest message
 * @param inquiryAt the first customer message; null when the customer never wrote (then the conversation counts in
 *     no KPI)
 * @param firstReplyAt the first agent message at or after {@code inquiryAt}; bot messages never count
 * @param firstResponseSeconds whole seconds from {@code inquiryAt} to {@code firstReplyAt}, null when unanswered
 * @param responderId the agent of the first reply
 * @param burstCount every burst of customer messages, answered or not
 * @param burstResponses the response seconds of each answered burst, in message order
 */
public record ConversationFacts(
        String vendorId,
        String shopId,
        String channel,
        String customerId,
        Instant inquiryAt,
        Instant firstReplyAt,
        Long firstResponseSeconds,
        String responderId,
        int burstCount,
        List<Long> burstResponses) {

    public ConversationFacts {
        burstResponses = List.copyOf(burstResponses);
    }

    /**
     * The facts of a conversation's messages.
     *
     * @param messages every stored message of one conversation, in any order; at least one
     */
    public static ConversationFacts of(List<StoredMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a conversation has at least one message");
        }
        List<StoredMessage> ordered = new ArrayList<>(messages);
        ordered.sort(StoredMessage.ORDER);
        StoredMessage earliest = ordered.get(0);

        Instant inquiryAt = null;
        for (StoredMessage message : ordered) {
            if (message.sender() == Sender.CUSTOMER) {
                inquiryAt = message.sentAt();
                break;
            }
        }
        StoredMessage firstReply = null;
        if (inquiryAt != null) {
            for (StoredMessage message : ordered) {
                if (message.sender() == Sender.AGENT && !message.sentAt().isBefore(inquiryAt)) {
                    firstReply = message;
                    break;
                }
            }
        }

        int burstCount = 0;
        List<Long> responses = new ArrayList<>();
        Instant burstStart = null;
        for (StoredMessage message : ordered) {
            if (message.sender() == Sender.CUSTOMER && burstStart == null) {
                burstStart = message.sentAt();
                burstCount++;
            } else if (message.sender() == Sender.AGENT && burstStart != null) {
                responses.add(seconds(burstStart, message.sentAt()));
                burstStart = null;
            }
            // BOT messages neither open nor close a burst.
        }

        return new ConversationFacts(
                earliest.vendorId(),
                earliest.shopId(),
                earliest.channel(),
                earliest.customerId(),
                inquiryAt,
                firstReply == null ? null : firstReply.sentAt(),
                firstReply == null ? null : seconds(inquiryAt, firstReply.sentAt()),
                firstReply == null ? null : firstReply.agentId(),
                burstCount,
                responses);
    }

    /** Whole seconds from {@code earlier} to {@code later}, rounded down. */
    static long seconds(Instant earlier, Instant later) {
        return Math.floorDiv(Duration.between(earlier, later).toMillis(), 1000L);
    }
}

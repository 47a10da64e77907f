package com.bpo.agent.chat;

import com.bpo.contracts.chat.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The response figures of one conversation (ARCHITECTURE section 5), computed from its messages in the order they were
 * sent. A burst is a run of customer messages with no agent message between; bot messages neither start nor answer
 * one. Response times are whole seconds, rounded down, and a burst is slow when its response took longer than the
 * engagement's threshold.
 *
 * @param firstCustomerMessageAt absent when the customer never wrote
 * @param firstAgentReplyAt the first agent message after the first customer message; absent when never answered
 * @param firstResponseSeconds absent when never answered
 * @param agentIds every agent who wrote, in order of their first message
 * @param lastAgentId the agent who wrote last; absent when no agent wrote
 */
public record ConversationFacts(
        Instant startedAt,
        Instant lastMessageAt,
        Instant firstCustomerMessageAt,
        Instant firstAgentReplyAt,
        Long firstResponseSeconds,
        int bursts,
        int answeredBursts,
        int slowBursts,
        int responseThresholdSeconds,
        long totalResponseSeconds,
        List<String> agentIds,
        String lastAgentId,
        int customerMessages,
        int agentMessages,
        int botMessages) {

    /** One stored message, as much of it as the figures need. */
    public record Line(String messageId, Sender sender, String agentId, Instant sentAt) {}

    /** Messages sent at the same instant keep a stable order: by message id. */
    public static final Comparator<Line> SENT_ORDER =
            Comparator.comparing(Line::sentAt).thenComparing(Line::messageId);

    /**
     * Computes the figures of a conversation.
     *
     * @param messages the conversation's messages, in any order; at least one
     * @param responseThresholdSeconds the engagement's threshold for slow bursts
     */
    public static ConversationFacts of(List<Line> messages, int responseThresholdSeconds) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a conversation has at least one message");
        }
        List<Line> ordered = new ArrayList<>(messages);
        ordered.sort(SENT_ORDER);

        Instant firstCustomer = null;
        Instant firstReply = null;
        Instant burstStart = null;
        int bursts = 0;
        int answered = 0;
        int slow = 0;
        long totalResponse = 0;
        Set<String> agents = new LinkedHashSet<>();
        String lastAgent = null;
        int customer = 0;
        int agent = 0;
        int bot = 0;
        for (Line line : ordered) {
            switch (line.sender()) {
                case CUSTOMER -> {
                    customer++;
                    if (firstCustomer == null) {
                        firstCustomer = line.sentAt();
                    }
                    if (burstStart == null) {
                        burstStart = line.sentAt();
                        bursts++;
                    }
                }
                case AGENT -> {
                    agent++;
                    agents.add(line.agentId());
                    lastAgent = line.agentId();
                    if (firstCustomer != null && firstReply == null) {
                        firstReply = line.sentAt();
                    }
                    if (burstStart != null) {
                        long response = wholeSeconds(burstStart, line.sentAt());
                        answered++;
                        totalResponse += response;
                        if (response > responseThresholdSeconds) {
                            slow++;
                        }
                        burstStart = null;
                    }
                }
                case BOT -> bot++;
            }
        }
        Long firstResponse = firstReply == null ? null : wholeSeconds(firstCustomer, firstReply);
        return new ConversationFacts(
                ordered.get(0).sentAt(),
                ordered.get(ordered.size() - 1).sentAt(),
                firstCustomer,
                firstReply,
                firstResponse,
                bursts,
                answered,
                slow,
                responseThresholdSeconds,
                totalResponse,
                List.copyOf(agents),
                lastAgent,
                customer,
                agent,
                bot);
    }

    private static long wholeSeconds(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds();
    }
}

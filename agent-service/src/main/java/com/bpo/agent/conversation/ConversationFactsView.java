package com.bpo.agent.conversation;

/**
 * The response figures computed when the conversation was closed (the payload of {@code ConversationClosed}). A burst
 * is a run of customer messages with no agent message between; seconds are whole seconds, rounded down.
 *
 * @param factsRevision how often the facts were published; a message arriving after the close raises it
 * @param stale a message arrived after the last computation and the facts are about to be published again
 * @param firstResponseSeconds first agent reply minus first customer message; {@code null} when never answered
 * @param slowBursts answered bursts whose response took longer than {@code responseThresholdSeconds}
 * @param lastAgentId the agent who wrote last; {@code null} when no agent wrote
 */
public record ConversationFactsView(
        int factsRevision,
        boolean stale,
        Long firstResponseSeconds,
        int bursts,
        int answeredBursts,
        int slowBursts,
        long totalResponseSeconds,
        int responseThresholdSeconds,
        String lastAgentId) {}

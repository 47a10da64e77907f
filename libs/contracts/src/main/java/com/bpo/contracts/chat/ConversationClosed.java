package com.bpo.contracts.chat;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A chat session ended, with the response figures of the whole conversation so that KPI consumers need not replay
 * its messages. A burst is a run of customer messages with no agent message between; seconds are whole seconds,
 * rounded down.
 *
 * @param firstCustomerMessageAt absent when the customer never wrote
 * @param firstAgentReplyAt the first human agent reply after the first customer message; absent when never answered
 * @param firstResponseSeconds {@code firstAgentReplyAt - firstCustomerMessageAt}; absent when never answered
 * @param bursts all bursts of customer messages
 * @param answeredBursts bursts followed by an agent message
 * @param slowBursts answered bursts whose response took longer than {@code responseThresholdSeconds}
 * @param responseThresholdSeconds the engagement's threshold the slow bursts were counted with
 * @param totalResponseSeconds the sum of the response times of the answered bursts
 * @param agentIds every agent who wrote in the conversation, in order of their first message
 * @param lastAgentId the agent who wrote last; absent when no agent wrote
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationClosed(
        String conversationId,
        String brandId,
        String vendorId,
        String shopId,
        Channel channel,
        String customerId,
        String engagementId,
        Instant startedAt,
        Instant closedAt,
        ClosedBy closedBy,
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
        int botMessages)
        implements EventPayload {

    public ConversationClosed {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }

    @Override
    public String key() {
        return conversationId;
    }
}

package com.bpo.contracts.chat;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A chat session began in a shop.
 *
 * @param engagementId the engagement the conversation is served under, when known
 * @param agentId the agent it was first assigned to, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationStarted(
        String conversationId,
        String brandId,
        String vendorId,
        String shopId,
        Channel channel,
        String customerId,
        String engagementId,
        String agentId,
        Instant startedAt)
        implements EventPayload {

    @Override
    public String key() {
        return conversationId;
    }
}

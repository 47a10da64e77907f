package com.bpo.contracts.chat;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One chat message. Keyed by conversation so that a conversation's messages stay in order.
 *
 * @param agentId the agent who wrote it; only for {@link Sender#AGENT}
 * @param text the message text with personal data replaced by masks
 * @param redacted whether anything was masked in {@code text}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageSent(
        String messageId,
        String conversationId,
        String brandId,
        String vendorId,
        String shopId,
        Channel channel,
        String customerId,
        Sender sender,
        String agentId,
        Instant sentAt,
        String text,
        boolean redacted)
        implements EventPayload {

    @Override
    public String key() {
        return conversationId;
    }
}

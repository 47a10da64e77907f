package com.bpo.bench;

import com.bpo.contracts.chat.Sender;
import java.time.Instant;

/**
 * One chat message as a brand's system sends it to {@code POST /api/v1/chat/messages}.
 *
 * @param agentId the agent who wrote it; null unless {@code sender} is {@link Sender#AGENT}
 */
record ChatMessage(
        String messageId,
        String conversationId,
        String shopId,
        String customerId,
        Sender sender,
        String agentId,
        Instant sentAt,
        String text) {}

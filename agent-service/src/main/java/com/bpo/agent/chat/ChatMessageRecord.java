package com.bpo.agent.chat;

import com.bpo.contracts.chat.Sender;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * One chat message as a brand's chat system or a vendor's desk tool sends it.
 *
 * @param messageId the platform's id of the message, unique within the brand
 * @param agentId required for {@link Sender#AGENT}, absent otherwise
 * @param sentAt when the message was sent, ISO-8601 with an offset; messages are ordered by it, not by arrival
 * @param vendorId optional: the vendor serving the conversation, needed only when several vendors serve the shop on
 *     chat and the conversation has no agent message yet
 */
public record ChatMessageRecord(
        @NotBlank @Size(max = 128) String messageId,
        @NotBlank @Size(max = 128) String conversationId,
        @NotBlank @Size(max = 128) String shopId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull Sender sender,
        @Size(max = 128) String agentId,
        @NotNull OffsetDateTime sentAt,
        @NotNull @Size(max = 20_000) String text,
        @Size(max = 128) String vendorId) {}

package com.bpo.agent.conversation;

import com.bpo.contracts.Channel;
import com.bpo.contracts.chat.ClosedBy;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A conversation as the console and integrators see it. Lists and the close endpoint carry no messages: then
 * {@code messages} and {@code messagesTruncated} are left out of the JSON.
 *
 * @param startedAt the earliest {@code sentAt} of its messages
 * @param lastMessageAt the latest {@code sentAt} of its messages
 * @param agentIds the agents who wrote in it, in the order of their first message
 * @param facts the response figures computed at the close; {@code null} while open or before they were computed
 * @param messages the messages in order of {@code sentAt}, then {@code messageId}, at most
 *     {@value ConversationQueries#MESSAGE_PAGE_SIZE} of them
 * @param messagesTruncated whether more messages follow the last one shown (read them with {@code messagesAfter})
 */
public record ConversationView(
        String brandId,
        String conversationId,
        String vendorId,
        String shopId,
        Channel channel,
        String customerId,
        String engagementId,
        ConversationStatus status,
        Instant startedAt,
        Instant lastMessageAt,
        Instant closedAt,
        ClosedBy closedBy,
        MessageCounts counts,
        List<String> agentIds,
        ConversationFactsView facts,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MessageView> messages,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean messagesTruncated) {

    public ConversationView {
        agentIds = List.copyOf(agentIds);
        messages = messages == null ? null : List.copyOf(messages);
    }

    ConversationView withAgentIds(List<String> ids) {
        return new ConversationView(
                brandId,
                conversationId,
                vendorId,
                shopId,
                channel,
                customerId,
                engagementId,
                status,
                startedAt,
                lastMessageAt,
                closedAt,
                closedBy,
                counts,
                ids,
                facts,
                messages,
                messagesTruncated);
    }

    ConversationView withMessages(List<MessageView> shown, boolean truncated) {
        return new ConversationView(
                brandId,
                conversationId,
                vendorId,
                shopId,
                channel,
                customerId,
                engagementId,
                status,
                startedAt,
                lastMessageAt,
                closedAt,
                closedBy,
                counts,
                agentIds,
                facts,
                shown,
                truncated);
    }
}

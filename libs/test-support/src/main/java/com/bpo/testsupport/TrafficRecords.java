package com.bpo.testsupport;

import com.bpo.contracts.Channel;
import com.bpo.contracts.chat.ClosedBy;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.EngagementRole;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.SlaTargets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The contracts' records as generated KPI traffic needs them: the fields a KPI reads are the caller's, the rest are
 * fixed plausible values. The seeded generators of the analytics comparison tests and of the system tests build their
 * chat conversations and engagements with these, so that both feed the engine the same shapes.
 */
public final class TrafficRecords {

    private TrafficRecords() {}

    /**
     * Message {@code n} of a chat conversation: id {@code <conversationId>-m<nn>}, a placeholder text naming the
     * sender, nothing redacted.
     */
    public static MessageSent chatMessage(
            String brandId,
            String conversationId,
            int n,
            String vendorId,
            String shopId,
            String customerId,
            Sender sender,
            String agentId,
            Instant sentAt) {
        return new MessageSent(
                conversationId + "-m" + String.format("%02d", n),
                conversationId,
                brandId,
                vendorId,
                shopId,
                Channel.CHAT,
                customerId,
                sender,
                agentId,
                sentAt,
                sender.name().toLowerCase() + " text",
                false);
    }

    /**
     * A chat conversation closed by the system at {@code closedAt}, with the message counts and the agents involved
     * (in the order they first wrote) as {@code messages} give them, the last of those as its last agent; its response
     * figures are zero, as the KPI engine recomputes them from the messages and does not read them.
     */
    public static ConversationClosed closedBySystem(
            String brandId,
            String conversationId,
            String vendorId,
            String shopId,
            String customerId,
            List<MessageSent> messages,
            Instant closedAt) {
        int customerMessages = (int)
                messages.stream().filter(m -> m.sender() == Sender.CUSTOMER).count();
        int agentMessages =
                (int) messages.stream().filter(m -> m.sender() == Sender.AGENT).count();
        Instant startedAt = messages.isEmpty() ? closedAt : messages.get(0).sentAt();
        List<String> agents = messages.stream()
                .filter(m -> m.sender() == Sender.AGENT)
                .map(MessageSent::agentId)
                .distinct()
                .toList();
        return new ConversationClosed(
                conversationId,
                brandId,
                vendorId,
                shopId,
                Channel.CHAT,
                customerId,
                null,
                startedAt,
                closedAt,
                ClosedBy.SYSTEM,
                null,
                null,
                null,
                0,
                0,
                0,
                30,
                0,
                agents,
                agents.isEmpty() ? null : agents.get(agents.size() - 1),
                customerMessages,
                agentMessages,
                messages.size() - customerMessages - agentMessages);
    }

    /** An active pre-sales engagement of {@code vendorId} for chat and phone in {@code shopIds}, without SLA targets. */
    public static EngagementChanged engagement(
            String engagementId,
            String brandId,
            String vendorId,
            List<String> shopIds,
            ZoneId timeZone,
            KpiVariants variants) {
        return new EngagementChanged(
                engagementId,
                brandId,
                vendorId,
                shopIds,
                List.of(Channel.CHAT, Channel.PHONE),
                List.of(EngagementRole.PRE_SALES),
                List.of(),
                timeZone,
                true,
                null,
                null,
                SlaTargets.NONE,
                variants);
    }
}

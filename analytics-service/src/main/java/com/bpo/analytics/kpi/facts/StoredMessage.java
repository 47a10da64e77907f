package com.bpo.analytics.kpi.facts;

import com.bpo.contracts.chat.Sender;
import java.time.Instant;
import java.util.Comparator;

/** A chat message as the KPI facts keep it: everything but its text. */
public record StoredMessage(
        String messageId,
        String vendorId,
        String shopId,
        String channel,
        String customerId,
        Sender sender,
        String agentId,
        Instant sentAt) {

    /** Message order: by {@code sentAt}, then {@code messageId} by code points. */
    public static final Comparator<StoredMessage> ORDER =
            Comparator.comparing(StoredMessage::sentAt).thenComparing(StoredMessage::messageId);
}

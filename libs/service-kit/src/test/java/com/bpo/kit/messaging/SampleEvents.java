package com.bpo.kit.messaging;

import com.bpo.contracts.Channel;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.ticket.TicketOpened;
import com.bpo.contracts.ticket.TicketStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Valid payloads for the kit's tests, with fresh ids so that tests never see each other's events. */
public final class SampleEvents {

    public static final String VENDOR = "vendor-hangzhou-cs";

    private SampleEvents() {}

    /** A brand id no other test uses. */
    public static String newBrand() {
        return "brand-" + UUID.randomUUID();
    }

    public static MessageSent messageSent(String brandId, String conversationId, String messageId) {
        return new MessageSent(
                messageId,
                conversationId,
                brandId,
                VENDOR,
                "shop-tmall-flagship",
                Channel.CHAT,
                "cust-7f3a",
                Sender.CUSTOMER,
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "请问粽子什么时候发货?",
                false);
    }

    public static TicketOpened ticketOpened(String brandId, String ticketId, String type) {
        return new TicketOpened(
                ticketId,
                brandId,
                VENDOR,
                type,
                TicketStatus.OPEN,
                "cust-7f3a",
                null,
                null,
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                null);
    }
}

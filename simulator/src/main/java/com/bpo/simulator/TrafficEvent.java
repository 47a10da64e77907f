package com.bpo.simulator;

import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.chat.ClosedBy;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.commerce.OrderStatus;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One thing that happens in a simulated brand's day, as its system reports it to the platform. {@link #at()} is when
 * it happens in the scenario's time, which decides when it is sent; {@link #wire()} is the record the API takes.
 */
public sealed interface TrafficEvent {

    /** When it happens, in the scenario's time. */
    Instant at();

    String brandId();

    EventKind kind();

    /** The JSON the API takes for this record (the body of a single request, or one line of a batch). */
    ObjectNode wire();

    /** The kinds of traffic, one counter each in the progress line and the result. */
    enum EventKind {
        MESSAGE("messages", "/api/v1/chat/messages"),
        CALL("calls", "/api/v1/calls"),
        ORDER("orders", "/api/v1/commerce/orders"),
        RATING("ratings", "/api/v1/commerce/ratings"),
        CLOSE("closes", null),
        PROFILE("profiles", null),
        REVEAL("reveals", null);

        private final String label;
        private final String batchPath;

        EventKind(String label, String batchPath) {
            this.label = label;
            this.batchPath = batchPath;
        }

        public String label() {
            return label;
        }

        /** The batch endpoint (NDJSON), or {@code null} for kinds sent one request each. */
        public String batchPath() {
            return batchPath;
        }

        public boolean batched() {
            return batchPath != null;
        }
    }

    /** A chat message of a customer, an agent or the shop's bot. */
    record ChatMessage(
            String brandId,
            String messageId,
            String conversationId,
            String shopId,
            String customerId,
            String vendorId,
            Sender sender,
            String agentId,
            OffsetDateTime sentAt,
            String text)
            implements TrafficEvent {

        @Override
        public Instant at() {
            return sentAt.toInstant();
        }

        @Override
        public EventKind kind() {
            return EventKind.MESSAGE;
        }

        @Override
        public ObjectNode wire() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("messageId", messageId);
            node.put("conversationId", conversationId);
            node.put("shopId", shopId);
            node.put("customerId", customerId);
            node.put("sender", sender.name());
            if (agentId != null) {
                node.put("agentId", agentId);
            }
            // Named on every record: a shop served by two vendors on chat cannot be routed from the shop alone.
            node.put("vendorId", vendorId);
            node.put("sentAt", timestamp(sentAt));
            node.put("text", text);
            return node;
        }
    }

    /** A conversation closed by the customer leaving or the agent ending it. */
    record ConversationClose(String brandId, String conversationId, OffsetDateTime closedAt, ClosedBy closedBy)
            implements TrafficEvent {

        @Override
        public Instant at() {
            return closedAt.toInstant();
        }

        @Override
        public EventKind kind() {
            return EventKind.CLOSE;
        }

        @Override
        public ObjectNode wire() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("closedAt", timestamp(closedAt));
            node.put("closedBy", closedBy.name());
            return node;
        }
    }

    /** One ended phone call; an abandoned call has neither {@code answeredAt} nor {@code agentId}. */
    record PhoneCall(
            String brandId,
            String callId,
            String shopId,
            String customerId,
            String vendorId,
            CallDirection direction,
            OffsetDateTime offeredAt,
            OffsetDateTime answeredAt,
            OffsetDateTime endedAt,
            String agentId,
            int holdSeconds,
            int wrapSeconds)
            implements TrafficEvent {

        public boolean abandoned() {
            return answeredAt == null;
        }

        @Override
        public Instant at() {
            return endedAt.toInstant();
        }

        @Override
        public EventKind kind() {
            return EventKind.CALL;
        }

        @Override
        public ObjectNode wire() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("callId", callId);
            node.put("shopId", shopId);
            node.put("customerId", customerId);
            node.put("direction", direction.name());
            node.put("offeredAt", timestamp(offeredAt));
            if (answeredAt != null) {
                node.put("answeredAt", timestamp(answeredAt));
                node.put("agentId", agentId);
            }
            node.put("endedAt", timestamp(endedAt));
            node.put("holdSeconds", holdSeconds);
            node.put("wrapSeconds", wrapSeconds);
            node.put("vendorId", vendorId);
            return node;
        }
    }

    /** A customer's profile as the brand's shop system knows it (personal data: stored encrypted). */
    record CustomerProfile(
            String brandId, String customerId, Instant at, String name, String phone, String address, String buyerNick)
            implements TrafficEvent {

        @Override
        public EventKind kind() {
            return EventKind.PROFILE;
        }

        @Override
        public ObjectNode wire() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("name", name);
            node.put("phone", phone);
            node.put("address", address);
            node.put("buyerNick", buyerNick);
            return node;
        }
    }

    /** One change of an order: placed, paid or refunded. */
    record OrderChange(
            String brandId,
            String orderId,
            String shopId,
            String customerId,
            OrderStatus status,
            OffsetDateTime changedAt,
            OffsetDateTime placedAt,
            BigDecimal amount)
            implements TrafficEvent {

        @Override
        public Instant at() {
            return changedAt.toInstant();
        }

        @Override
        public EventKind kind() {
            return EventKind.ORDER;
        }

        @Override
        public ObjectNode wire() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("orderId", orderId);
            node.put("shopId", shopId);
            node.put("customerId", customerId);
            node.put("status", status.name());
            node.put("at", timestamp(changedAt));
            node.put("placedAt", timestamp(placedAt));
            node.put("amount", amount.toPlainString());
            node.put("currency", "CNY");
            return node;
        }
    }

    /** A DSR rating of an order, linked to the conversation about it when the shop platform knows one. */
    record Rating(
            String brandId,
            String ratingId,
            String shopId,
            String customerId,
            String orderId,
            String conversationId,
            OffsetDateTime ratedAt,
            int itemScore,
            int serviceScore,
            int logisticsScore)
            implements TrafficEvent {

        @Override
        public Instant at() {
            return ratedAt.toInstant();
        }

        @Override
        public EventKind kind() {
            return EventKind.RATING;
        }

        @Override
        public ObjectNode wire() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("ratingId", ratingId);
            node.put("shopId", shopId);
            node.put("customerId", customerId);
            node.put("orderId", orderId);
            if (conversationId != null) {
                node.put("conversationId", conversationId);
            }
            node.put("ratedAt", timestamp(ratedAt));
            node.put("itemScore", itemScore);
            node.put("serviceScore", serviceScore);
            node.put("logisticsScore", logisticsScore);
            return node;
        }
    }

    /** An agent revealing a customer's personal data, with the purpose the agent gives. */
    record Reveal(String brandId, String customerId, String agentId, Instant at, List<String> fields, String purpose)
            implements TrafficEvent {

        public Reveal {
            fields = List.copyOf(fields);
        }

        @Override
        public EventKind kind() {
            return EventKind.REVEAL;
        }

        @Override
        public ObjectNode wire() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            fields.forEach(node.putArray("fields")::add);
            node.put("purpose", purpose);
            return node;
        }
    }

    private static String timestamp(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}

package com.bpo.simulator;

import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.simulator.TrafficEvent.ChatMessage;
import com.bpo.simulator.TrafficEvent.EventKind;
import com.bpo.simulator.TrafficEvent.OrderChange;
import com.bpo.simulator.TrafficEvent.PhoneCall;
import com.bpo.simulator.TrafficEvent.Reveal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a generated traffic holds, counted the way the KPI dictionary counts (inquiries, answered inquiries, first
 * response, calls offered and abandoned), per brand and vendor: the figures the KPIs read back should show.
 *
 * @param events events per kind
 * @param vendors per brand, per vendor
 * @param revealsByAgent reveals per agent
 */
public record TrafficFigures(
        Map<EventKind, Long> events,
        Map<String, Map<String, VendorFigures>> vendors,
        Map<String, Long> revealsByAgent) {

    /**
     * One vendor's part of a brand's traffic.
     *
     * @param inquiries conversations with at least one customer message
     * @param answered inquiries with an agent message at or after the first customer message
     * @param firstResponseSeconds the first-reply seconds of the answered inquiries, summed
     * @param inquiringCustomers distinct shop and customer among the inquiries
     * @param buyingInquirers of those, customers who placed an order in the shop after they inquired
     * @param callsOffered inbound calls
     * @param callsAbandoned inbound calls never answered
     */
    public record VendorFigures(
            long inquiries,
            long answered,
            long firstResponseSeconds,
            long inquiringCustomers,
            long buyingInquirers,
            long callsOffered,
            long callsAbandoned) {

        public double responseRate() {
            return inquiries == 0 ? 0 : (double) answered / inquiries;
        }

        public double meanFirstResponseSeconds() {
            return answered == 0 ? 0 : (double) firstResponseSeconds / answered;
        }

        /** Inquiring customers who bought afterwards, in any window: the shape, not the KPI's exact rule. */
        public double buyingShare() {
            return inquiringCustomers == 0 ? 0 : (double) buyingInquirers / inquiringCustomers;
        }

        public double abandonRate() {
            return callsOffered == 0 ? 0 : (double) callsAbandoned / callsOffered;
        }
    }

    public static TrafficFigures of(List<TrafficEvent> traffic) {
        Map<EventKind, Long> events = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            events.put(kind, 0L);
        }
        Map<String, Conversation> conversations = new HashMap<>();
        Map<String, Instant> firstOrders = new HashMap<>();
        Map<String, Long> reveals = new TreeMap<>();
        Map<String, long[]> calls = new HashMap<>();
        for (TrafficEvent event : traffic) {
            events.merge(event.kind(), 1L, Long::sum);
            if (event instanceof ChatMessage message) {
                conversations
                        .computeIfAbsent(message.brandId() + "|" + message.conversationId(), key -> new Conversation())
                        .add(message);
            } else if (event instanceof OrderChange order && order.status() == OrderStatus.PLACED) {
                firstOrders.merge(
                        order.brandId() + "|" + order.shopId() + "|" + order.customerId(),
                        order.at(),
                        (a, b) -> a.isBefore(b) ? a : b);
            } else if (event instanceof PhoneCall call && call.direction() == CallDirection.INBOUND) {
                long[] counts = calls.computeIfAbsent(call.brandId() + "|" + call.vendorId(), key -> new long[2]);
                counts[0]++;
                if (call.abandoned()) {
                    counts[1]++;
                }
            } else if (event instanceof Reveal reveal) {
                reveals.merge(reveal.agentId(), 1L, Long::sum);
            }
        }
        Map<String, long[]> chat = new HashMap<>();
        Map<String, Map<String, Instant>> inquirers = new HashMap<>();
        for (Conversation conversation : conversations.values()) {
            if (conversation.firstCustomer == null) {
                continue;
            }
            String key = conversation.first.brandId() + "|" + conversation.first.vendorId();
            long[] counts = chat.computeIfAbsent(key, ignored -> new long[3]);
            counts[0]++;
            if (conversation.firstReply != null) {
                counts[1]++;
                counts[2] += Duration.between(conversation.firstCustomer, conversation.firstReply)
                        .toSeconds();
            }
            inquirers
                    .computeIfAbsent(key, ignored -> new HashMap<>())
                    .merge(
                            conversation.first.shopId() + "|" + conversation.first.customerId(),
                            conversation.firstCustomer,
                            (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, Map<String, VendorFigures>> vendors = new TreeMap<>();
        Set<String> keys = new TreeSet<>(chat.keySet());
        keys.addAll(calls.keySet());
        for (String key : keys) {
            String brandId = key.substring(0, key.indexOf('|'));
            String vendorId = key.substring(key.indexOf('|') + 1);
            long[] c = chat.getOrDefault(key, new long[3]);
            long[] p = calls.getOrDefault(key, new long[2]);
            Map<String, Instant> customers = inquirers.getOrDefault(key, Map.of());
            long buying = customers.entrySet().stream()
                    .filter(customer -> {
                        Instant ordered = firstOrders.get(brandId + "|" + customer.getKey());
                        return ordered != null && !ordered.isBefore(customer.getValue());
                    })
                    .count();
            vendors.computeIfAbsent(brandId, ignored -> new TreeMap<>())
                    .put(vendorId, new VendorFigures(c[0], c[1], c[2], customers.size(), buying, p[0], p[1]));
        }
        return new TrafficFigures(Map.copyOf(events), vendors, reveals);
    }

    /** A conversation's first message, first customer message and first agent reply after it, in time order. */
    private static final class Conversation {
        private ChatMessage first;
        private Instant firstCustomer;
        private Instant firstReply;

        void add(ChatMessage message) {
            // Messages arrive sorted by time, as the generator emits them.
            if (first == null) {
                first = message;
            }
            if (message.sender() == Sender.CUSTOMER && firstCustomer == null) {
                firstCustomer = message.at();
            } else if (message.sender() == Sender.AGENT
                    && firstCustomer != null
                    && firstReply == null
                    && !message.at().isBefore(firstCustomer)) {
                firstReply = message.at();
            }
        }
    }
}

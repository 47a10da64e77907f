package com.bpo.analytics.reference;

import com.bpo.contracts.EventPayload;
import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.call.CallEnded;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.contracts.commerce.RatingReceived;
import com.bpo.contracts.complaint.ComplaintFiled;
import com.bpo.contracts.complaint.ComplaintResolved;
import com.bpo.contracts.org.AgentChanged;
import com.bpo.contracts.org.BrandChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.qa.EvaluationCompleted;
import com.bpo.contracts.qa.QaSubjectType;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference computation of every KPI of the KPI definitions page, as plain Java over the list of deliveries. It is
 * written for clarity, not speed: each family turns the deduplicated facts into records (an inquiry conversation, a
 * cohort member, a call, ...), each record carries its group keys, bucket time and its share of every KPI, and a query
 * sums the shares per group. The streaming engine must agree with it on every numerator and denominator.
 */
public final class KpiReference {

    /** The families of the definitions page; a row exists for a group holding a record of a requested family. */
    enum Family {
        CHAT,
        CONVERSION,
        RATINGS,
        CALLS,
        CALLBACKS,
        COMPLAINTS,
        QA
    }

    /** Every KPI key, its family and whether it is a count (no denominator). */
    enum Kpi {
        INQUIRIES("inquiries", Family.CHAT, true),
        INQUIRING_CUSTOMERS("inquiringCustomers", Family.CHAT, true),
        RESPONSE_RATE("responseRate", Family.CHAT, false),
        FIRST_RESPONSE_SECONDS("firstResponseSeconds", Family.CHAT, false),
        AVERAGE_RESPONSE_SECONDS("averageResponseSeconds", Family.CHAT, false),
        WITHIN_THRESHOLD_RATE("withinThresholdRate", Family.CHAT, false),
        SLOW_BURSTS("slowBursts", Family.CHAT, true),
        UNANSWERED_INQUIRIES("unansweredInquiries", Family.CHAT, true),
        INQUIRY_CONVERSION("inquiryConversion", Family.CONVERSION, false),
        PAID_CONVERSION("paidConversion", Family.CONVERSION, false),
        AVERAGE_ORDER_VALUE("averageOrderValue", Family.CONVERSION, false),
        SILENT_SALES("silentSales", Family.CONVERSION, false),
        SILENT_SALES_AMOUNT("silentSalesAmount", Family.CONVERSION, true),
        DSR_ITEM("dsrItem", Family.RATINGS, false),
        DSR_SERVICE("dsrService", Family.RATINGS, false),
        DSR_LOGISTICS("dsrLogistics", Family.RATINGS, false),
        CSAT("csat", Family.RATINGS, false),
        RATING_PARTICIPATION("ratingParticipation", Family.RATINGS, false),
        CALLS_OFFERED("callsOffered", Family.CALLS, true),
        CALLS_ANSWERED("callsAnswered", Family.CALLS, true),
        ABANDON_RATE("abandonRate", Family.CALLS, false),
        AVERAGE_SPEED_OF_ANSWER("averageSpeedOfAnswer", Family.CALLS, false),
        SERVICE_LEVEL("serviceLevel", Family.CALLS, false),
        AVERAGE_HANDLE_SECONDS("averageHandleSeconds", Family.CALLS, false),
        CALLBACKS_DUE("callbacksDue", Family.CALLBACKS, true),
        CALLBACK_COMPLETION_RATE("callbackCompletionRate", Family.CALLBACKS, false),
        COMPLAINTS("complaints", Family.COMPLAINTS, true),
        COMPLAINT_RATE("complaintRate", Family.COMPLAINTS, false),
        MEAN_RESOLUTION_MINUTES("meanResolutionMinutes", Family.COMPLAINTS, false),
        COMPLAINT_SLA_ATTAINMENT("complaintSlaAttainment", Family.COMPLAINTS, false),
        EVALUATIONS("evaluations", Family.QA, true),
        MEAN_QA_SCORE("meanQaScore", Family.QA, false),
        QA_FAIL_RATE("qaFailRate", Family.QA, false);

        final String key;
        final Family family;
        final boolean count;

        Kpi(String key, Family family, boolean count) {
            this.key = key;
            this.family = family;
            this.count = count;
        }

        static Kpi byKey(String key) {
            for (Kpi kpi : values()) {
                if (kpi.key.equals(key)) {
                    return kpi;
                }
            }
            throw new IllegalArgumentException("unknown KPI " + key);
        }
    }

    /** The group keys a query may name, in the order of the definitions page. */
    public static final List<String> GROUP_KEYS =
            List.of("brand", "vendor", "engagement", "team", "agent", "shop", "channel", "hour", "day");

    public static final List<String> KPI_KEYS =
            Arrays.stream(Kpi.values()).map(k -> k.key).toList();

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00");
    private static final String CHAT = "CHAT";
    private static final String PHONE = "PHONE";

    /**
     * One KPI share of one record.
     *
     * @param distinct for distinct counts: the value counted once per group; {@code null} otherwise
     * @param variant the variant of the record for this KPI; {@code null} when the KPI names none
     */
    private record Share(Kpi kpi, BigDecimal numerator, BigDecimal denominator, Object distinct, String variant) {}

    /**
     * One record of a family.
     *
     * @param keys brand, vendor, engagement, team, agent, shop and channel (values may be null)
     * @param windowDays the conversion window the record was computed with (cohort members only)
     */
    private record Fact(
            Family family, Instant bucketAt, Map<String, String> keys, List<Share> shares, Integer windowDays) {}

    private record Key(String brandId, String id) {}

    // ---- the deduplicated facts -------------------------------------------------------------------------------

    private final Map<Key, MessageSent> messages = new LinkedHashMap<>();
    private final Set<Key> closedConversations = new HashSet<>();
    private final Map<Key, Map<OrderStatus, OrderChanged>> orders = new LinkedHashMap<>();
    private final Map<Key, RatingReceived> ratings = new LinkedHashMap<>();
    private final Map<Key, CallEnded> calls = new LinkedHashMap<>();
    private final Map<Key, CallbackScheduled> callbacksScheduled = new LinkedHashMap<>();
    private final Map<Key, CallbackCompleted> callbacksCompleted = new LinkedHashMap<>();
    private final Map<Key, ComplaintFiled> complaintsFiled = new LinkedHashMap<>();
    private final Map<Key, ComplaintResolved> complaintsResolved = new LinkedHashMap<>();
    private final Map<Key, EvaluationCompleted> evaluations = new LinkedHashMap<>();
    private final Map<String, BrandChanged> brands = new HashMap<>();
    private final Map<String, AgentChanged> agents = new HashMap<>();
    private final Map<String, EngagementChanged> engagements = new HashMap<>();
    private final Map<String, List<Fact>> factsByBrand = new HashMap<>();

    /** Reads the deliveries in order: facts keep their first delivery, organisation state its latest. */
    public KpiReference(List<? extends EventPayload> deliveries) {
        for (EventPayload event : deliveries) {
            receive(event);
        }
    }

    private void receive(EventPayload event) {
        if (event instanceof MessageSent m) {
            messages.putIfAbsent(new Key(m.brandId(), m.messageId()), m);
        } else if (event instanceof ConversationClosed c) {
            closedConversations.add(new Key(c.brandId(), c.conversationId()));
        } else if (event instanceof OrderChanged o) {
            orders.computeIfAbsent(new Key(o.brandId(), o.orderId()), k -> new EnumMap<>(OrderStatus.class))
                    .putIfAbsent(o.status(), o);
        } else if (event instanceof RatingReceived r) {
            ratings.putIfAbsent(new Key(r.brandId(), r.ratingId()), r);
        } else if (event instanceof CallEnded c) {
            calls.putIfAbsent(new Key(c.brandId(), c.callId()), c);
        } else if (event instanceof CallbackScheduled s) {
            callbacksScheduled.putIfAbsent(new Key(s.brandId(), s.callbackId()), s);
        } else if (event instanceof CallbackCompleted c) {
            callbacksCompleted.putIfAbsent(new Key(c.brandId(), c.callbackId()), c);
        } else if (event instanceof ComplaintFiled f) {
            complaintsFiled.putIfAbsent(new Key(f.brandId(), f.complaintId()), f);
        } else if (event instanceof ComplaintResolved r) {
            complaintsResolved.putIfAbsent(new Key(r.brandId(), r.complaintId()), r);
        } else if (event instanceof EvaluationCompleted e) {
            evaluations.putIfAbsent(new Key(e.brandId(), e.evaluationId()), e);
        } else if (event instanceof BrandChanged b) {
            brands.put(b.brandId(), b);
        } else if (event instanceof AgentChanged a) {
            agents.put(a.agentId(), a);
        } else if (event instanceof EngagementChanged e) {
            engagements.put(e.engagementId(), e);
        }
        // Shops, vendors, teams and conversation starts are named by id only; no KPI needs their state.
    }

    // ---- organisation lookups -----------------------------------------------------------------------------------

    ZoneId zone(String brandId) {
        BrandChanged brand = brands.get(brandId);
        return brand == null || brand.timeZone() == null ? DEFAULT_ZONE : brand.timeZone();
    }

    private EngagementChanged engagement(String brandId, String vendorId, String shopId) {
        if (vendorId == null) {
            return null;
        }
        List<EngagementChanged> candidates = engagements.values().stream()
                .filter(e -> brandId.equals(e.brandId()) && vendorId.equals(e.vendorId()))
                .sorted(Comparator.comparing(EngagementChanged::engagementId))
                .toList();
        if (shopId != null) {
            Optional<EngagementChanged> servingShop = candidates.stream()
                    .filter(e -> e.shopIds().contains(shopId))
                    .findFirst();
            if (servingShop.isPresent()) {
                return servingShop.get();
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static KpiVariants variants(EngagementChanged engagement) {
        return engagement == null ? KpiVariants.DEFAULTS : engagement.kpiVariants();
    }

    private static String engagementId(EngagementChanged engagement) {
        return engagement == null ? null : engagement.engagementId();
    }

    private String team(String agentId) {
        AgentChanged agent = agentId == null ? null : agents.get(agentId);
        return agent == null ? null : agent.teamId();
    }

    private Map<String, String> keys(
            String brandId, String vendor, String engagement, String agent, String shop, String channel) {
        Map<String, String> keys = new HashMap<>();
        keys.put("brand", brandId);
        keys.put("vendor", vendor);
        keys.put("engagement", engagement);
        keys.put("team", team(agent));
        keys.put("agent", agent);
        keys.put("shop", shop);
        keys.put("channel", channel);
        return keys;
    }

    // ---- time ---------------------------------------------------------------------------------------------------

    static long seconds(Instant earlier, Instant later) {
        return Math.floorDiv(later.toEpochMilli() - earlier.toEpochMilli(), 1000L);
    }

    private static Instant startOfDay(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    // ---- chat ---------------------------------------------------------------------------------------------------

    private static final Comparator<MessageSent> MESSAGE_ORDER =
            Comparator.comparing(MessageSent::sentAt).thenComparing(MessageSent::messageId);

    /** A conversation with the figures every family reads from it. */
    private record Conversation(
            String brandId,
            String conversationId,
            List<MessageSent> messages,
            String vendorId,
            String shopId,
            String channel,
            String customerId,
            Instant inquiryAt,
            MessageSent firstReply) {

        boolean inquiry() {
            return inquiryAt != null;
        }

        String responder() {
            return firstReply == null ? null : firstReply.agentId();
        }
    }

    private Map<Key, Conversation> conversations(String brandId) {
        Map<Key, List<MessageSent>> byConversation = messages.values().stream()
                .filter(m -> brandId.equals(m.brandId()))
                .collect(Collectors.groupingBy(m -> new Key(m.brandId(), m.conversationId())));
        Map<Key, Conversation> result = new HashMap<>();
        byConversation.forEach((key, list) -> {
            List<MessageSent> ordered = list.stream().sorted(MESSAGE_ORDER).toList();
            MessageSent earliest = ordered.get(0);
            Instant inquiryAt = ordered.stream()
                    .filter(m -> m.sender() == Sender.CUSTOMER)
                    .map(MessageSent::sentAt)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            MessageSent firstReply = inquiryAt == null
                    ? null
                    : ordered.stream()
                            .filter(m ->
                                    m.sender() == Sender.AGENT && !m.sentAt().isBefore(inquiryAt))
                            .findFirst()
                            .orElse(null);
            result.put(
                    key,
                    new Conversation(
                            key.brandId(),
                            key.id(),
                            ordered,
                            earliest.vendorId(),
                            earliest.shopId(),
                            earliest.channel() == null
                                    ? null
                                    : earliest.channel().name(),
                            earliest.customerId(),
                            inquiryAt,
                            firstReply));
        });
        return result;
    }

    /** Group keys of an inquiry conversation (also of its linked ratings and its participation record). */
    private Map<String, String> conversationKeys(Conversation c) {
        return keys(
                c.brandId(),
                c.vendorId(),
                engagementId(engagement(c.brandId(), c.vendorId(), c.shopId())),
                c.responder(),
                c.shopId(),
                c.channel());
    }

    private void chatFacts(Conversation c, ZoneId zone, List<Fact> facts) {
        KpiVariants variants = variants(engagement(c.brandId(), c.vendorId(), c.shopId()));
        int threshold = variants.responseThresholdSeconds();
        String variant = "threshold=" + threshold + "s";

        int bursts = 0;
        int answeredBursts = 0;
        int withinThreshold = 0;
        int slow = 0;
        long responseSum = 0;
        Instant openSince = null;
        for (MessageSent m : c.messages()) {
            if (m.sender() == Sender.CUSTOMER && openSince == null) {
                openSince = m.sentAt();
                bursts++;
            } else if (m.sender() == Sender.AGENT && openSince != null) {
                long response = seconds(openSince, m.sentAt());
                answeredBursts++;
                responseSum += response;
                if (response <= threshold) {
                    withinThreshold++;
                } else {
                    slow++;
                }
                openSince = null;
            }
        }
        boolean answered = c.firstReply() != null;
        long firstResponse = answered ? seconds(c.inquiryAt(), c.firstReply().sentAt()) : 0;
        LocalDate day = c.inquiryAt().atZone(zone).toLocalDate();

        List<Share> shares = List.of(
                count(Kpi.INQUIRIES, 1),
                new Share(
                        Kpi.INQUIRING_CUSTOMERS,
                        BigDecimal.ZERO,
                        null,
                        Arrays.asList(c.shopId(), c.customerId(), day),
                        null),
                rate(Kpi.RESPONSE_RATE, answered ? 1 : 0, 1),
                rate(Kpi.FIRST_RESPONSE_SECONDS, firstResponse, answered ? 1 : 0),
                rate(Kpi.AVERAGE_RESPONSE_SECONDS, responseSum, answeredBursts),
                new Share(Kpi.WITHIN_THRESHOLD_RATE, big(withinThreshold), big(bursts), null, variant),
                new Share(Kpi.SLOW_BURSTS, big(slow), null, null, variant),
                count(Kpi.UNANSWERED_INQUIRIES, answered ? 0 : 1),
                // complaints per inquiry: every inquiry of the group counts in the complaint rate's denominator
                rate(Kpi.COMPLAINT_RATE, 0, 1));
        facts.add(new Fact(Family.CHAT, c.inquiryAt(), conversationKeys(c), shares, null));
    }

    // ---- conversion ---------------------------------------------------------------------------------------------

    /** All deliveries of one order. */
    private record Order(
            String orderId,
            String shopId,
            String customerId,
            Instant placedAt,
            Map<OrderStatus, OrderChanged> changes) {

        boolean paid() {
            return changes.containsKey(OrderStatus.PAID);
        }

        BigDecimal amount() {
            for (OrderStatus status : List.of(OrderStatus.PLACED, OrderStatus.PAID, OrderStatus.REFUNDED)) {
                if (changes.containsKey(status)) {
                    return changes.get(status).amount();
                }
            }
            throw new IllegalStateException("order without changes " + orderId);
        }

        BigDecimal net() {
            OrderChanged refund = changes.get(OrderStatus.REFUNDED);
            return amount().subtract(refund == null ? BigDecimal.ZERO : refund.amount());
        }
    }

    private record Member(String shopId, String customerId, LocalDate day) {}

    private void conversionFacts(String brandId, Map<Key, Conversation> conversations, ZoneId zone, List<Fact> facts) {
        List<Order> brandOrders = orders.entrySet().stream()
                .filter(e -> brandId.equals(e.getKey().brandId()))
                .map(e -> {
                    OrderChanged any = e.getValue().values().iterator().next();
                    return new Order(e.getKey().id(), any.shopId(), any.customerId(), any.placedAt(), e.getValue());
                })
                .toList();
        // the same brand, shop and customer (the brand is fixed here)
        Map<List<Object>, List<Order>> ordersByCustomer =
                brandOrders.stream().collect(Collectors.groupingBy(o -> customerKey(o.shopId(), o.customerId())));
        Map<List<Object>, List<Conversation>> conversationsByCustomer = conversations.values().stream()
                .collect(Collectors.groupingBy(c -> customerKey(c.shopId(), c.customerId())));
        Map<Member, List<Conversation>> cohort = conversations.values().stream()
                .filter(Conversation::inquiry)
                .collect(Collectors.groupingBy(c -> new Member(
                        c.shopId(), c.customerId(), c.inquiryAt().atZone(zone).toLocalDate())));

        Set<String> qualifiedOrders = new HashSet<>();
        cohort.forEach((member, inquiries) -> {
            Conversation first = inquiries.stream()
                    .min(Comparator.comparing(Conversation::inquiryAt).thenComparing(Conversation::conversationId))
                    .orElseThrow();
            Instant t0 = first.inquiryAt();
            KpiVariants variants = variants(engagement(brandId, first.vendorId(), member.shopId()));
            int window = variants.conversionWindowDays();
            Instant windowEnd = startOfDay(member.day().plusDays(window + 1L), zone);

            List<Order> qualifying =
                    ordersByCustomer.getOrDefault(customerKey(member.shopId(), member.customerId()), List.of()).stream()
                            .filter(o ->
                                    !o.placedAt().isBefore(t0) && o.placedAt().isBefore(windowEnd))
                            .toList();
            qualifying.forEach(o -> qualifiedOrders.add(o.orderId()));
            Optional<Order> firstOrder = qualifying.stream()
                    .min(Comparator.comparing(Order::placedAt).thenComparing(Order::orderId));
            List<Order> paidOrders = qualifying.stream().filter(Order::paid).toList();
            boolean converted = firstOrder.isPresent();
            boolean paidConverted = !paidOrders.isEmpty();
            BigDecimal paidNet = paidOrders.stream().map(Order::net).reduce(BigDecimal.ZERO, BigDecimal::add);

            Instant cut = firstOrder.map(Order::placedAt).orElse(windowEnd);
            Optional<MessageSent> creditedReply =
                    conversationsByCustomer
                            .getOrDefault(customerKey(member.shopId(), member.customerId()), List.of())
                            .stream()
                            .flatMap(c -> c.messages().stream())
                            .filter(m -> m.sender() == Sender.AGENT
                                    && !m.sentAt().isBefore(t0)
                                    && m.sentAt().isBefore(cut))
                            .max(MESSAGE_ORDER);
            String agent = creditedReply.map(MessageSent::agentId).orElse(null);
            String vendor = creditedReply.map(MessageSent::vendorId).orElse(first.vendorId());

            String variant = "window=" + window + "d,attribution=" + variants.attribution();
            List<Share> shares = List.of(
                    new Share(Kpi.INQUIRY_CONVERSION, big(converted ? 1 : 0), BigDecimal.ONE, null, variant),
                    new Share(Kpi.PAID_CONVERSION, big(paidConverted ? 1 : 0), BigDecimal.ONE, null, variant),
                    new Share(
                            Kpi.AVERAGE_ORDER_VALUE,
                            paidConverted ? paidNet : BigDecimal.ZERO,
                            big(paidConverted ? 1 : 0),
                            null,
                            variant));
            Map<String, String> keys = keys(
                    brandId,
                    vendor,
                    engagementId(engagement(brandId, vendor, member.shopId())),
                    agent,
                    member.shopId(),
                    CHAT);
            facts.add(new Fact(Family.CONVERSION, t0, keys, shares, window));
        });

        // Every paid order is a record of the silent-sales rate; those no cohort member claims are silent sales.
        for (Order order : brandOrders) {
            if (!order.paid()) {
                continue;
            }
            boolean silent = !qualifiedOrders.contains(order.orderId());
            List<Share> shares = List.of(
                    rate(Kpi.SILENT_SALES, silent ? 1 : 0, 1),
                    new Share(Kpi.SILENT_SALES_AMOUNT, silent ? order.net() : BigDecimal.ZERO, null, null, null));
            facts.add(new Fact(
                    Family.CONVERSION,
                    order.placedAt(),
                    keys(brandId, null, null, null, order.shopId(), null),
                    shares,
                    null));
        }
    }

    private static List<Object> customerKey(String shopId, String customerId) {
        return Arrays.asList(shopId, customerId);
    }

    // ---- ratings ------------------------------------------------------------------------------------------------

    private void ratingFacts(String brandId, Map<Key, Conversation> conversations, List<Fact> facts) {
        Set<Key> ratedConversations = new HashSet<>();
        ratings.values().stream().filter(r -> brandId.equals(r.brandId())).forEach(r -> {
            Conversation c =
                    r.conversationId() == null ? null : conversations.get(new Key(brandId, r.conversationId()));
            boolean linked = c != null && c.inquiry();
            Map<String, String> keys;
            if (linked) {
                ratedConversations.add(new Key(brandId, c.conversationId()));
                keys = conversationKeys(c);
                keys.put("shop", r.shopId());
            } else {
                keys = keys(brandId, null, null, null, r.shopId(), null);
            }
            List<Share> shares = List.of(
                    rate(Kpi.DSR_ITEM, r.itemScore(), 1),
                    rate(Kpi.DSR_SERVICE, r.serviceScore(), 1),
                    rate(Kpi.DSR_LOGISTICS, r.logisticsScore(), 1),
                    rate(Kpi.CSAT, linked && r.serviceScore() >= 4 ? 1 : 0, linked ? 1 : 0));
            facts.add(new Fact(Family.RATINGS, r.ratedAt(), keys, shares, null));
        });
        conversations.values().stream()
                .filter(c -> c.inquiry() && closedConversations.contains(new Key(brandId, c.conversationId())))
                .forEach(c -> {
                    boolean rated = ratedConversations.contains(new Key(brandId, c.conversationId()));
                    facts.add(new Fact(
                            Family.RATINGS,
                            c.inquiryAt(),
                            conversationKeys(c),
                            List.of(rate(Kpi.RATING_PARTICIPATION, rated ? 1 : 0, 1)),
                            null));
                });
    }

    // ---- calls, callbacks, complaints, QA ------------------------------------------------------------------------

    private void callFacts(String brandId, List<Fact> facts) {
        calls.values().stream().filter(c -> brandId.equals(c.brandId())).forEach(c -> {
            EngagementChanged engagement = engagement(brandId, c.vendorId(), c.shopId());
            KpiVariants variants = variants(engagement);
            boolean inbound = c.direction() == CallDirection.INBOUND;
            boolean answered = !c.abandoned();
            boolean shortAbandon = c.abandoned() && c.waitSeconds() <= variants.abandonShortSeconds();
            String variant = inbound
                    ? "serviceLevel=" + variants.serviceLevelSeconds() + "s,abandonShort="
                            + variants.abandonShortSeconds() + "s"
                    : null;
            List<Share> shares = List.of(
                    count(Kpi.CALLS_OFFERED, inbound ? 1 : 0),
                    count(Kpi.CALLS_ANSWERED, inbound && answered ? 1 : 0),
                    rate(Kpi.ABANDON_RATE, inbound && !answered ? 1 : 0, inbound ? 1 : 0),
                    rate(
                            Kpi.AVERAGE_SPEED_OF_ANSWER,
                            inbound && answered ? c.waitSeconds() : 0,
                            inbound && answered ? 1 : 0),
                    new Share(
                            Kpi.SERVICE_LEVEL,
                            big(inbound && answered && c.waitSeconds() <= variants.serviceLevelSeconds() ? 1 : 0),
                            big(inbound && !shortAbandon ? 1 : 0),
                            null,
                            variant),
                    rate(
                            Kpi.AVERAGE_HANDLE_SECONDS,
                            answered ? c.talkSeconds() + c.holdSeconds() + c.wrapSeconds() : 0,
                            answered ? 1 : 0));
            String agent = c.abandoned() ? null : c.agentId();
            facts.add(new Fact(
                    Family.CALLS,
                    c.offeredAt(),
                    keys(brandId, c.vendorId(), engagementId(engagement), agent, c.shopId(), PHONE),
                    shares,
                    null));
        });
    }

    private void callbackFacts(String brandId, List<Fact> facts) {
        Set<Key> ids = new HashSet<>();
        callbacksScheduled.keySet().stream()
                .filter(k -> brandId.equals(k.brandId()))
                .forEach(ids::add);
        callbacksCompleted.keySet().stream()
                .filter(k -> brandId.equals(k.brandId()))
                .forEach(ids::add);
        for (Key id : ids) {
            CallbackScheduled scheduled = callbacksScheduled.get(id);
            CallbackCompleted completed = callbacksCompleted.get(id);
            Instant dueAt = scheduled != null ? scheduled.dueAt() : completed.dueAt();
            String vendor = scheduled != null && scheduled.vendorId() != null
                    ? scheduled.vendorId()
                    : completed == null ? null : completed.vendorId();
            String agent = completed != null && completed.agentId() != null
                    ? completed.agentId()
                    : scheduled == null ? null : scheduled.agentId();
            List<Share> shares = List.of(
                    count(Kpi.CALLBACKS_DUE, 1),
                    rate(Kpi.CALLBACK_COMPLETION_RATE, completed != null && completed.onTime() ? 1 : 0, 1));
            facts.add(new Fact(
                    Family.CALLBACKS,
                    dueAt,
                    keys(brandId, vendor, engagementId(engagement(brandId, vendor, null)), agent, null, null),
                    shares,
                    null));
        }
    }

    private void complaintFacts(String brandId, List<Fact> facts) {
        Set<Key> ids = new HashSet<>();
        complaintsFiled.keySet().stream()
                .filter(k -> brandId.equals(k.brandId()))
                .forEach(ids::add);
        complaintsResolved.keySet().stream()
                .filter(k -> brandId.equals(k.brandId()))
                .forEach(ids::add);
        for (Key id : ids) {
            ComplaintFiled filed = complaintsFiled.get(id);
            ComplaintResolved resolved = complaintsResolved.get(id);
            Instant filedAt = filed != null ? filed.filedAt() : resolved.filedAt();
            String vendor = filed != null ? filed.vendorId() : resolved.vendorId();
            String shop = filed != null ? filed.shopId() : resolved.shopId();
            boolean isResolved = resolved != null;
            long minutes = isResolved ? Math.floorDiv(seconds(filedAt, resolved.resolvedAt()), 60L) : 0;
            List<Share> shares = List.of(
                    count(Kpi.COMPLAINTS, 1),
                    rate(Kpi.COMPLAINT_RATE, 1, 0),
                    rate(Kpi.MEAN_RESOLUTION_MINUTES, minutes, isResolved ? 1 : 0),
                    rate(Kpi.COMPLAINT_SLA_ATTAINMENT, isResolved && resolved.withinSla() ? 1 : 0, isResolved ? 1 : 0));
            facts.add(new Fact(
                    Family.COMPLAINTS,
                    filedAt,
                    keys(brandId, vendor, engagementId(engagement(brandId, vendor, shop)), null, shop, null),
                    shares,
                    null));
        }
    }

    private void qaFacts(String brandId, List<Fact> facts) {
        evaluations.values().stream().filter(e -> brandId.equals(e.brandId())).forEach(e -> {
            List<Share> shares = List.of(
                    count(Kpi.EVALUATIONS, 1),
                    new Share(Kpi.MEAN_QA_SCORE, e.score(), BigDecimal.ONE, null, null),
                    rate(Kpi.QA_FAIL_RATE, e.passed() ? 0 : 1, 1));
            String channel = e.subjectType() == QaSubjectType.CALL ? PHONE : CHAT;
            facts.add(new Fact(
                    Family.QA,
                    e.at(),
                    keys(
                            brandId,
                            e.vendorId(),
                            engagementId(engagement(brandId, e.vendorId(), null)),
                            e.agentId(),
                            null,
                            channel),
                    shares,
                    null));
        });
    }

    private static Share count(Kpi kpi, long numerator) {
        return new Share(kpi, big(numerator), null, null, null);
    }

    private static Share rate(Kpi kpi, long numerator, long denominator) {
        return new Share(kpi, big(numerator), big(denominator), null, null);
    }

    private static BigDecimal big(long value) {
        return BigDecimal.valueOf(value);
    }

    // ---- the query ----------------------------------------------------------------------------------------------

    /** Every record of the brand, of every family, over all time; the deliveries are fixed, so once per brand. */
    private List<Fact> facts(String brandId, ZoneId zone) {
        return factsByBrand.computeIfAbsent(brandId, b -> collectFacts(b, zone));
    }

    private List<Fact> collectFacts(String brandId, ZoneId zone) {
        Map<Key, Conversation> conversations = conversations(brandId);
        List<Fact> facts = new ArrayList<>();
        conversations.values().stream().filter(Conversation::inquiry).forEach(c -> chatFacts(c, zone, facts));
        conversionFacts(brandId, conversations, zone, facts);
        ratingFacts(brandId, conversations, facts);
        callFacts(brandId, facts);
        callbackFacts(brandId, facts);
        complaintFacts(brandId, facts);
        qaFacts(brandId, facts);
        return facts;
    }

    /** Sums of one KPI in one group. */
    private static final class Tally {
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        final Set<Object> distinct = new HashSet<>();
        final Set<String> variants = new TreeSet<>();
        Integer largestWindow;
    }

    public List<ReferenceRow> compute(ReferenceQuery query, Instant now) {
        for (String key : query.groupBy()) {
            if (!GROUP_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown group key " + key);
            }
        }
        List<Kpi> kpis = query.kpis().stream().map(Kpi::byKey).toList();
        Set<Family> families = kpis.stream().map(k -> k.family).collect(Collectors.toSet());
        ZoneId zone = zone(query.brandId());
        Instant from = startOfDay(query.from(), zone);
        Instant until = startOfDay(query.to().plusDays(1), zone);

        Map<Map<String, String>, Map<Kpi, Tally>> groups = new HashMap<>();
        Set<Map<String, String>> groupsWithRecords = new HashSet<>();
        for (Fact fact : facts(query.brandId(), zone)) {
            if (fact.bucketAt().isBefore(from) || !fact.bucketAt().isBefore(until)) {
                continue;
            }
            if (query.vendorScope() != null
                    && !query.vendorScope().equals(fact.keys().get("vendor"))) {
                continue;
            }
            if (query.agentScope() != null
                    && !query.agentScope().equals(fact.keys().get("agent"))) {
                continue;
            }
            Map<String, String> group = group(fact, query.groupBy(), zone);
            Map<Kpi, Tally> tallies = groups.computeIfAbsent(group, g -> new EnumMap<>(Kpi.class));
            if (families.contains(fact.family())) {
                groupsWithRecords.add(group);
            }
            for (Share share : fact.shares()) {
                if (!kpis.contains(share.kpi())) {
                    continue;
                }
                Tally tally = tallies.computeIfAbsent(share.kpi(), k -> new Tally());
                tally.numerator = tally.numerator.add(share.numerator());
                if (share.denominator() != null) {
                    tally.denominator = tally.denominator.add(share.denominator());
                }
                if (share.distinct() != null) {
                    tally.distinct.add(share.distinct());
                }
                if (share.variant() != null) {
                    tally.variants.add(share.variant());
                }
                if (fact.windowDays() != null) {
                    tally.largestWindow = tally.largestWindow == null
                            ? fact.windowDays()
                            : Math.max(tally.largestWindow, fact.windowDays());
                }
            }
        }

        List<ReferenceRow> rows = new ArrayList<>();
        for (Map<String, String> group : groupsWithRecords) {
            Map<Kpi, Tally> tallies = groups.get(group);
            LocalDate lastDay = group.containsKey("day")
                    ? LocalDate.parse(group.get("day"))
                    : group.containsKey("hour")
                            ? LocalDate.parse(group.get("hour").substring(0, 10))
                            : query.to();
            Map<String, ReferenceValue> values = new LinkedHashMap<>();
            for (Kpi kpi : kpis) {
                values.put(kpi.key, value(kpi, tallies.getOrDefault(kpi, new Tally()), lastDay, zone, now));
            }
            rows.add(new ReferenceRow(group, values));
        }
        rows.sort(rowOrder(query.groupBy()));
        return rows;
    }

    private static Map<String, String> group(Fact fact, List<String> groupBy, ZoneId zone) {
        ZonedDateTime local = fact.bucketAt().atZone(zone);
        Map<String, String> group = new LinkedHashMap<>();
        for (String key : groupBy) {
            switch (key) {
                case "day" -> group.put(key, local.toLocalDate().toString());
                case "hour" ->
                    group.put(key, local.truncatedTo(ChronoUnit.HOURS).format(HOUR));
                default -> group.put(key, fact.keys().get(key));
            }
        }
        return group;
    }

    private static ReferenceValue value(Kpi kpi, Tally tally, LocalDate lastDay, ZoneId zone, Instant now) {
        BigDecimal numerator = kpi == Kpi.INQUIRING_CUSTOMERS ? big(tally.distinct.size()) : tally.numerator;
        BigDecimal denominator = kpi.count ? null : tally.denominator;
        BigDecimal value;
        if (kpi.count) {
            value = numerator;
        } else if (denominator.signum() == 0) {
            value = null;
        } else {
            value = numerator.divide(denominator, 4, RoundingMode.HALF_EVEN);
        }
        int window = tally.largestWindow == null ? KpiVariants.DEFAULT_CONVERSION_WINDOW_DAYS : tally.largestWindow;
        long daysUntilFinal =
                switch (kpi) {
                    case INQUIRY_CONVERSION -> window + 2L;
                    case PAID_CONVERSION, AVERAGE_ORDER_VALUE -> window + 9L;
                    case SILENT_SALES, SILENT_SALES_AMOUNT -> 9L;
                    default -> 2L;
                };
        boolean finalValue = !now.isBefore(startOfDay(lastDay.plusDays(daysUntilFinal), zone));
        String variant = tally.variants.isEmpty() ? null : String.join(";", tally.variants);
        return new ReferenceValue(numerator, denominator, value, finalValue, variant);
    }

    private static Comparator<ReferenceRow> rowOrder(List<String> groupBy) {
        Comparator<ReferenceRow> order = (a, b) -> 0;
        for (String key : groupBy) {
            Function<ReferenceRow, String> value = row -> row.group().get(key);
            order = order.thenComparing(value, Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        return order;
    }
}

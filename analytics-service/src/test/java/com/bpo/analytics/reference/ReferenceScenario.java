package com.bpo.analytics.reference;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.Severity;
import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.call.CallEnded;
import com.bpo.contracts.chat.ClosedBy;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.contracts.commerce.RatingReceived;
import com.bpo.contracts.complaint.ComplaintFiled;
import com.bpo.contracts.complaint.ComplaintResolved;
import com.bpo.contracts.org.AgentChanged;
import com.bpo.contracts.org.Attribution;
import com.bpo.contracts.org.BrandChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.EngagementRole;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.Platform;
import com.bpo.contracts.org.ShopChanged;
import com.bpo.contracts.org.SlaTargets;
import com.bpo.contracts.org.TeamChanged;
import com.bpo.contracts.org.VendorChanged;
import com.bpo.contracts.qa.EvaluationCompleted;
import com.bpo.contracts.qa.QaSubjectType;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small hand-made day and a half of one brand, with the KPI values worked out by hand from the definitions page
 * (the worked example of {@code docs/kpis.md}). Brand {@code b-zongzi} (Asia/Shanghai) sells in a Tmall and a JD shop;
 * vendor {@code v-alpha} serves the Tmall shop with the platform defaults (30 s threshold, 1-day window, service level
 * 20 s, short abandon 5 s), vendor {@code v-beta} serves the JD shop with its own variants (60 s, 2 days, 30 s, 10 s).
 * Local days D1 = 2026-06-01 and D2 = 2026-06-02; all clock times below are local (UTC+8).
 */
public final class ReferenceScenario {

    public static final String BRAND = "b-zongzi";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate D1 = LocalDate.of(2026, 6, 1);
    public static final LocalDate D2 = LocalDate.of(2026, 6, 2);
    public static final String TMALL = "shop-tmall";
    public static final String JD = "shop-jd";
    public static final String ALPHA = "v-alpha";
    public static final String BETA = "v-beta";

    /**
     * When the expected values are read: the start of 2026-06-05. A group ending on D2 is then final for the plain
     * KPIs (D2 + 2) and for alpha's inquiry conversion (D2 + 1 + 2), not yet for beta's (D2 + 2 + 2), paid conversion
     * (D2 + w + 9) or silent sales (D2 + 9).
     */
    public static final Instant NOW = at("2026-06-05T00:00:00");

    /** Every KPI key of the definitions page, in its order. */
    public static final List<String> ALL_KPIS = List.of(
            "inquiries",
            "inquiringCustomers",
            "responseRate",
            "firstResponseSeconds",
            "averageResponseSeconds",
            "withinThresholdRate",
            "slowBursts",
            "unansweredInquiries",
            "inquiryConversion",
            "paidConversion",
            "averageOrderValue",
            "silentSales",
            "silentSalesAmount",
            "dsrItem",
            "dsrService",
            "dsrLogistics",
            "csat",
            "ratingParticipation",
            "callsOffered",
            "callsAnswered",
            "abandonRate",
            "averageSpeedOfAnswer",
            "serviceLevel",
            "averageHandleSeconds",
            "callbacksDue",
            "callbackCompletionRate",
            "complaints",
            "complaintRate",
            "meanResolutionMinutes",
            "complaintSlaAttainment",
            "evaluations",
            "meanQaScore",
            "qaFailRate");

    /** One hand-worked KPI value; numbers as decimal text, {@code null} where the value is null. */
    public record Expected(String numerator, String denominator, String value, boolean finalValue, String variant) {}

    /** One hand-worked row: the group values in the order of the query's group keys, and some or all KPIs. */
    public record ExpectedRow(List<String> group, Map<String, Expected> kpis) {}

    private ReferenceScenario() {}

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    // ---- the events -------------------------------------------------------------------------------------------------

    private record Conv(String id, String vendorId, String shopId, String customerId) {}

    private static final Conv C1 = new Conv("conv-1", ALPHA, TMALL, "cust-1");
    private static final Conv C2 = new Conv("conv-2", ALPHA, TMALL, "cust-2");
    private static final Conv C3 = new Conv("conv-3", ALPHA, TMALL, "cust-1");
    private static final Conv C4 = new Conv("conv-4", BETA, JD, "cust-3");
    private static final Conv C5 = new Conv("conv-5", BETA, JD, "cust-4");
    private static final Conv C7 = new Conv("conv-7", ALPHA, TMALL, "cust-6");
    private static final Conv C8 = new Conv("conv-8", ALPHA, TMALL, "cust-7");

    private static MessageSent message(
            Conv c, String messageId, Sender sender, String agentId, String time, String text) {
        return new MessageSent(
                messageId,
                c.id(),
                BRAND,
                c.vendorId(),
                c.shopId(),
                Channel.CHAT,
                c.customerId(),
                sender,
                agentId,
                at(time),
                text,
                false);
    }

    private static MessageSent customer(Conv c, String messageId, String time, String text) {
        return message(c, messageId, Sender.CUSTOMER, null, time, text);
    }

    private static MessageSent agent(Conv c, String messageId, String agentId, String time, String text) {
        return message(c, messageId, Sender.AGENT, agentId, time, text);
    }

    private static MessageSent bot(Conv c, String messageId, String time, String text) {
        return message(c, messageId, Sender.BOT, null, time, text);
    }

    /** Only "is closed" counts for the KPIs; the figures are filled in as the chat side would report them. */
    private static ConversationClosed closed(
            Conv c,
            String engagementId,
            String startedAt,
            String closedAt,
            String firstCustomerAt,
            String firstReplyAt,
            Long firstResponseSeconds,
            int bursts,
            int answeredBursts,
            int slowBursts,
            int threshold,
            long totalResponseSeconds,
            List<String> agentIds,
            int customerMessages,
            int agentMessages,
            int botMessages) {
        return new ConversationClosed(
                c.id(),
                BRAND,
                c.vendorId(),
                c.shopId(),
                Channel.CHAT,
                c.customerId(),
                engagementId,
                at(startedAt),
                at(closedAt),
                ClosedBy.SYSTEM,
                firstCustomerAt == null ? null : at(firstCustomerAt),
                firstReplyAt == null ? null : at(firstReplyAt),
                firstResponseSeconds,
                bursts,
                answeredBursts,
                slowBursts,
                threshold,
                totalResponseSeconds,
                agentIds,
                agentIds.isEmpty() ? null : agentIds.get(agentIds.size() - 1),
                customerMessages,
                agentMessages,
                botMessages);
    }

    private static OrderChanged order(
            String orderId,
            String shopId,
            String customerId,
            OrderStatus status,
            String placedAt,
            String at,
            String amount) {
        return new OrderChanged(
                orderId, BRAND, shopId, customerId, status, at(placedAt), at(at), new BigDecimal(amount), "CNY");
    }

    private static CallEnded call(
            String callId,
            String vendorId,
            String shopId,
            String agentId,
            CallDirection direction,
            String offeredAt,
            long wait,
            long talk,
            long hold,
            long wrap) {
        boolean abandoned = agentId == null;
        Instant offered = at(offeredAt);
        Instant answered = abandoned ? null : offered.plusSeconds(wait);
        Instant ended = abandoned ? offered.plusSeconds(wait) : answered.plusSeconds(talk + hold);
        String engagementId = ALPHA.equals(vendorId) ? "e-alpha" : "e-beta";
        return new CallEnded(
                callId,
                BRAND,
                vendorId,
                shopId,
                "cust-" + callId,
                engagementId,
                agentId,
                direction,
                offered,
                answered,
                ended,
                wait,
                talk,
                hold,
                wrap,
                abandoned,
                null);
    }

    private static EvaluationCompleted evaluation(
            String evaluationId,
            String vendorId,
            String agentId,
            String teamId,
            QaSubjectType subjectType,
            String subjectId,
            String score,
            boolean criticalFailed,
            String time) {
        BigDecimal points = new BigDecimal(score);
        BigDecimal passMark = new BigDecimal("80");
        boolean passed = points.compareTo(passMark) >= 0 && !criticalFailed;
        return new EvaluationCompleted(
                evaluationId,
                BRAND,
                vendorId,
                agentId,
                teamId,
                subjectType,
                subjectId,
                "sc-service",
                points,
                new BigDecimal("100"),
                passMark,
                criticalFailed,
                passed,
                "reviewer-1",
                at(time));
    }

    private static ComplaintFiled complaintFiled(
            String id, String vendorId, String shopId, String filedAt, int slaMinutes) {
        return new ComplaintFiled(
                id,
                "t-" + id,
                BRAND,
                vendorId,
                shopId,
                "cust-" + id,
                null,
                "LOGISTICS",
                Severity.MEDIUM,
                at(filedAt),
                slaMinutes);
    }

    private static ComplaintResolved complaintResolved(
            String id,
            String vendorId,
            String shopId,
            String filedAt,
            String resolvedAt,
            int slaMinutes,
            boolean withinSla) {
        return new ComplaintResolved(
                id,
                "t-" + id,
                BRAND,
                vendorId,
                shopId,
                "cust-" + id,
                null,
                "LOGISTICS",
                Severity.MEDIUM,
                at(filedAt),
                at(resolvedAt),
                slaMinutes,
                withinSla);
    }

    /** The deliveries, in a realistic order with one duplicate per fact kind that repeats and late deliveries. */
    public static List<EventPayload> events() {
        List<EventPayload> events = new ArrayList<>();

        // -- organisation copy (org.events). Agent a-zhao moved teams: the later state (t-alpha-2) counts.
        events.add(new BrandChanged(BRAND, "Zongzi & Mooncakes", ZONE, true));
        events.add(new ShopChanged(TMALL, BRAND, Platform.TMALL, "Zongzi Tmall flagship", true));
        events.add(new ShopChanged(JD, BRAND, Platform.JD, "Zongzi JD store", true));
        events.add(new VendorChanged(ALPHA, "Alpha Service", true));
        events.add(new VendorChanged(BETA, "Beta Contact Center", true));
        events.add(new TeamChanged("t-alpha-1", ALPHA, "Alpha day shift", true));
        events.add(new TeamChanged("t-alpha-2", ALPHA, "Alpha late shift", true));
        events.add(new TeamChanged("t-beta", BETA, "Beta JD team", true));
        events.add(agentChanged("a-li", ALPHA, "t-alpha-1"));
        events.add(agentChanged("a-wang", ALPHA, "t-alpha-1"));
        events.add(agentChanged("a-zhao", ALPHA, "t-alpha-1"));
        events.add(agentChanged("b-chen", BETA, "t-beta"));
        events.add(agentChanged("b-liu", BETA, "t-beta"));
        events.add(new EngagementChanged(
                "e-alpha",
                BRAND,
                ALPHA,
                List.of(TMALL),
                List.of(Channel.CHAT, Channel.PHONE),
                List.of(EngagementRole.PRE_SALES, EngagementRole.AFTER_SALES),
                List.of(),
                ZONE,
                true,
                null,
                null,
                SlaTargets.NONE,
                KpiVariants.DEFAULTS));
        events.add(new EngagementChanged(
                "e-beta",
                BRAND,
                BETA,
                List.of(JD),
                List.of(Channel.CHAT, Channel.PHONE),
                List.of(EngagementRole.PRE_SALES, EngagementRole.COMPLAINTS),
                List.of(),
                ZONE,
                true,
                null,
                null,
                SlaTargets.NONE,
                new KpiVariants(60, 2, Attribution.LAST_REPLIER, 30, 10)));
        events.add(agentChanged("a-zhao", ALPHA, "t-alpha-2"));

        // -- D1, conv-1 (alpha, Tmall, cust-1): a bot greets first; two bursts, the second answered slowly (50 s > 30
        // s);
        // a bot message inside a burst changes nothing; a third agent message with no open burst does nothing.
        events.add(bot(C1, "m-101", "2026-06-01T10:00:00", "Welcome to the Zongzi flagship"));
        events.add(customer(C1, "m-102", "2026-06-01T10:00:05", "Are the pork zongzi in stock?"));
        events.add(customer(C1, "m-103", "2026-06-01T10:00:10", "I need 20 boxes"));
        events.add(agent(C1, "m-104", "a-li", "2026-06-01T10:00:25", "Yes, 20 boxes ship today"));
        events.add(customer(C1, "m-105", "2026-06-01T10:01:00", "Can you add gift bags?"));
        events.add(bot(C1, "m-106", "2026-06-01T10:01:05", "An agent will answer shortly"));
        events.add(agent(C1, "m-107", "a-li", "2026-06-01T10:01:50", "Gift bags added"));
        events.add(customer(C1, "m-102", "2026-06-01T10:00:05", "Are the pork zongzi in stock?")); // duplicate
        events.add(agent(C1, "m-108", "a-li", "2026-06-01T10:02:00", "Anything else?"));

        // -- D1, conv-2 (alpha, Tmall, cust-2): only the bot answers, so the inquiry stays unanswered.
        events.add(customer(C2, "m-201", "2026-06-01T11:00:00", "Do you deliver to Harbin?"));
        events.add(bot(C2, "m-202", "2026-06-01T11:00:02", "Please wait for an agent"));

        // -- D1, conv-3 (alpha, Tmall, cust-1 again): the same customer inquires a second time on D1.
        events.add(customer(C3, "m-301", "2026-06-01T15:00:00", "When does my order arrive?"));
        events.add(agent(C3, "m-302", "a-wang", "2026-06-01T15:00:12", "Tomorrow before noon"));

        // -- D1, conv-4 (beta, JD, cust-3): three bursts, 45 s (within 60 s), 100 s (slow), and one never answered;
        // the first reply is b-chen's, the last reply before the order is b-liu's. Its second burst arrives late.
        events.add(customer(C4, "m-401", "2026-06-01T20:00:00", "Is the mooncake gift box available?"));
        events.add(agent(C4, "m-402", "b-chen", "2026-06-01T20:00:45", "Yes, in two sizes"));
        events.add(agent(C4, "m-405", "b-liu", "2026-06-01T20:06:40", "The large one is 300 yuan"));
        events.add(customer(C4, "m-406", "2026-06-01T20:10:00", "Thanks, I will think about it"));
        events.add(customer(C4, "m-403", "2026-06-01T20:05:00", "What does the large one cost?")); // late
        events.add(customer(C4, "m-404", "2026-06-01T20:05:30", "And delivery?")); // late

        // -- closed conversations of D1 (conv-3 is never closed)
        events.add(closed(
                C1,
                "e-alpha",
                "2026-06-01T10:00:00",
                "2026-06-01T10:30:00",
                "2026-06-01T10:00:05",
                "2026-06-01T10:00:25",
                20L,
                2,
                2,
                1,
                30,
                70,
                List.of("a-li"),
                3,
                3,
                2));
        events.add(closed(
                C2,
                "e-alpha",
                "2026-06-01T11:00:00",
                "2026-06-01T11:30:00",
                "2026-06-01T11:00:00",
                null,
                null,
                1,
                0,
                0,
                30,
                0,
                List.of(),
                1,
                0,
                1));
        events.add(closed(
                C4,
                "e-beta",
                "2026-06-01T20:00:00",
                "2026-06-01T20:40:00",
                "2026-06-01T20:00:00",
                "2026-06-01T20:00:45",
                45L,
                3,
                2,
                1,
                60,
                145,
                List.of("b-chen", "b-liu"),
                4,
                2,
                0));

        // -- D1 calls: alpha answers fast (8 s) and slow (25 s > 20 s), one caller hangs up after 3 s (short abandon,
        // left out of the service level); beta answers within its 30 s.
        events.add(call("call-1", ALPHA, TMALL, "a-li", CallDirection.INBOUND, "2026-06-01T10:00:00", 8, 120, 10, 30));
        events.add(
                call("call-2", ALPHA, TMALL, "a-wang", CallDirection.INBOUND, "2026-06-01T11:00:00", 25, 200, 0, 40));
        events.add(call("call-3", ALPHA, TMALL, null, CallDirection.INBOUND, "2026-06-01T12:00:00", 3, 0, 0, 0));
        events.add(call("call-6", BETA, JD, "b-chen", CallDirection.INBOUND, "2026-06-01T21:00:00", 28, 90, 0, 30));

        // -- D1 complaint resolved in 90 min 40 s (counts as 90 min), within its 120 min target.
        events.add(complaintFiled("cp-1", ALPHA, TMALL, "2026-06-01T12:00:00", 120));
        events.add(complaintResolved("cp-1", ALPHA, TMALL, "2026-06-01T12:00:00", "2026-06-01T13:30:40", 120, true));

        // -- D1 callback scheduled and done on time; an unlinked rating (no conversation) of the Tmall shop.
        events.add(new CallbackScheduled(
                "cb-1",
                "t-cb-1",
                BRAND,
                ALPHA,
                "cust-1",
                "a-wang",
                at("2026-06-01T12:00:00"),
                at("2026-06-01T17:00:00")));
        events.add(new CallbackCompleted(
                "cb-1",
                "t-cb-1",
                BRAND,
                ALPHA,
                "cust-1",
                "a-wang",
                "call-cb-1",
                at("2026-06-01T17:00:00"),
                at("2026-06-01T16:40:00"),
                true));
        events.add(
                new RatingReceived("r-3", BRAND, TMALL, "cust-8", "o-old", null, at("2026-06-01T16:00:00"), 3, 2, 3));
        events.add(evaluation(
                "q-1",
                ALPHA,
                "a-li",
                "t-alpha-1",
                QaSubjectType.CONVERSATION,
                C1.id(),
                "92.5",
                false,
                "2026-06-01T18:00:00"));

        // -- D2 orders: cust-1 orders on D+1 of its inquiry (converted, credited to a-wang, the last replier);
        // cust-3's order is placed on D2 and paid three days later (D5); cust-9 never inquired (a silent sale).
        events.add(order(
                "o-1", TMALL, "cust-1", OrderStatus.PLACED, "2026-06-02T09:00:00", "2026-06-02T09:00:00", "200.00"));
        events.add(order(
                "o-1", TMALL, "cust-1", OrderStatus.PAID, "2026-06-02T09:00:00", "2026-06-02T09:05:00", "200.00"));
        events.add(
                order("o-4", JD, "cust-9", OrderStatus.PLACED, "2026-06-02T14:00:00", "2026-06-02T14:00:00", "99.00"));
        events.add(order("o-4", JD, "cust-9", OrderStatus.PAID, "2026-06-02T14:00:00", "2026-06-02T14:10:00", "99.00"));
        events.add(
                order("o-3", JD, "cust-3", OrderStatus.PLACED, "2026-06-02T21:00:00", "2026-06-02T21:00:00", "300.00"));

        // -- D2, conv-5 (beta, JD, cust-4): answered in 20 s; cust-4 orders on D3, inside beta's 2-day window only.
        events.add(customer(C5, "m-501", "2026-06-02T09:30:00", "Do you sell salted egg zongzi?"));
        events.add(agent(C5, "m-502", "b-liu", "2026-06-02T09:30:20", "Yes, 6 per box"));

        // -- D2, conv-7 (alpha, Tmall, cust-6): a bot-only conversation: no inquiry, so in no KPI; it is closed and
        // rated, and that rating is unlinked (it names no inquiry conversation).
        events.add(bot(C7, "m-701", "2026-06-02T12:00:00", "Your parcel has left the warehouse"));

        // -- D2, conv-8 (alpha, Tmall, cust-7): the agent writes first; that greeting is no reply. The customer's
        // burst is answered after 60 s (slow).
        events.add(agent(C8, "m-801", "a-zhao", "2026-06-02T13:00:00", "Hello, can I help?"));
        events.add(customer(C8, "m-802", "2026-06-02T13:00:30", "Which box suits a company gift?"));
        events.add(agent(C8, "m-803", "a-zhao", "2026-06-02T13:01:30", "The 12-piece premium box"));

        events.add(closed(
                C7,
                "e-alpha",
                "2026-06-02T12:00:00",
                "2026-06-02T12:10:00",
                null,
                null,
                null,
                0,
                0,
                0,
                30,
                0,
                List.of(),
                0,
                0,
                1));

        // -- D2 calls: a long abandon (40 s) at alpha, an outbound call (handle time only), an 8 s abandon at beta
        // (short under beta's 10 s), and call-6 delivered again (duplicate).
        events.add(call("call-4", ALPHA, TMALL, null, CallDirection.INBOUND, "2026-06-02T09:00:00", 40, 0, 0, 0));
        events.add(call("call-5", ALPHA, null, "a-li", CallDirection.OUTBOUND, "2026-06-02T10:00:00", 0, 60, 0, 20));
        events.add(call("call-7", BETA, JD, null, CallDirection.INBOUND, "2026-06-02T11:00:00", 8, 0, 0, 0));
        events.add(call("call-6", BETA, JD, "b-chen", CallDirection.INBOUND, "2026-06-01T21:00:00", 28, 90, 0, 30));

        // -- D2 complaints: alpha resolves one in 360 min 59 s, outside its 240 min target; beta's stays open.
        events.add(complaintFiled("cp-2", ALPHA, TMALL, "2026-06-02T09:00:00", 240));
        events.add(complaintFiled("cp-3", BETA, JD, "2026-06-02T10:00:00", 240));
        events.add(complaintResolved("cp-2", ALPHA, TMALL, "2026-06-02T09:00:00", "2026-06-02T15:00:59", 240, false));

        // -- D2 callbacks: one scheduled unassigned and done late by a-zhao (credited to a-zhao), one never done.
        events.add(new CallbackScheduled(
                "cb-2", "t-cb-2", BRAND, ALPHA, "cust-2", null, at("2026-06-01T18:00:00"), at("2026-06-02T10:00:00")));
        events.add(new CallbackScheduled(
                "cb-3",
                "t-cb-3",
                BRAND,
                BETA,
                "cust-3",
                "b-chen",
                at("2026-06-02T09:00:00"),
                at("2026-06-02T15:00:00")));
        events.add(new CallbackCompleted(
                "cb-2",
                "t-cb-2",
                BRAND,
                ALPHA,
                "cust-2",
                "a-zhao",
                "call-cb-2",
                at("2026-06-02T10:00:00"),
                at("2026-06-02T11:15:00"),
                false));

        // -- D2 QA: a failed call at alpha (70 < 80); at beta a passing score with a failed critical item, and a pass.
        events.add(evaluation(
                "q-2", ALPHA, "a-wang", "t-alpha-1", QaSubjectType.CALL, "call-2", "70", false, "2026-06-02T10:00:00"));
        events.add(evaluation(
                "q-3",
                BETA,
                "b-chen",
                "t-beta",
                QaSubjectType.CONVERSATION,
                C4.id(),
                "85",
                true,
                "2026-06-02T11:00:00"));
        events.add(evaluation(
                "q-4", BETA, "b-liu", "t-beta", QaSubjectType.CALL, "call-6", "88", false, "2026-06-02T12:00:00"));

        // -- D2 ratings: linked to conv-1 (service 5) and conv-4 (service 3); the one naming the bot-only conv-7 is
        // unlinked.
        events.add(
                new RatingReceived("r-1", BRAND, TMALL, "cust-1", "o-1", C1.id(), at("2026-06-02T18:00:00"), 5, 5, 4));
        events.add(new RatingReceived("r-2", BRAND, JD, "cust-3", "o-3", C4.id(), at("2026-06-02T19:00:00"), 4, 3, 5));
        events.add(
                new RatingReceived("r-4", BRAND, TMALL, "cust-6", "o-6", C7.id(), at("2026-06-02T20:00:00"), 4, 5, 5));

        // -- later days: cust-2 orders on D3, after alpha's 1-day window (a silent sale outside the queried days);
        // cust-4 orders on D3 inside beta's 2-day window and never pays; cust-3 pays on D5.
        events.add(order(
                "o-2", TMALL, "cust-2", OrderStatus.PLACED, "2026-06-03T10:00:00", "2026-06-03T10:00:00", "80.00"));
        events.add(
                order("o-2", TMALL, "cust-2", OrderStatus.PAID, "2026-06-03T10:00:00", "2026-06-03T10:05:00", "80.00"));
        events.add(
                order("o-5", JD, "cust-4", OrderStatus.PLACED, "2026-06-03T15:00:00", "2026-06-03T15:00:00", "120.00"));
        events.add(
                order("o-3", JD, "cust-3", OrderStatus.PAID, "2026-06-02T21:00:00", "2026-06-05T08:00:00", "300.00"));

        // -- late deliveries: cust-1 got 50.00 back for o-1 (reported late), conv-2's closing arrives twice.
        events.add(order(
                "o-1", TMALL, "cust-1", OrderStatus.REFUNDED, "2026-06-02T09:00:00", "2026-06-04T16:00:00", "50.00"));
        events.add(closed(
                C2,
                "e-alpha",
                "2026-06-01T11:00:00",
                "2026-06-01T11:30:00",
                "2026-06-01T11:00:00",
                null,
                null,
                1,
                0,
                0,
                30,
                0,
                List.of(),
                1,
                0,
                1));
        return events;
    }

    private static AgentChanged agentChanged(String agentId, String vendorId, String teamId) {
        return new AgentChanged(agentId, vendorId, teamId, "user-" + agentId, agentId, List.of("pre-sales"), 5, true);
    }

    // ---- the values worked out by hand ------------------------------------------------------------------------------

    private static final String THRESHOLD_30 = "threshold=30s";
    private static final String THRESHOLD_60 = "threshold=60s";
    private static final String WINDOW_1 = "window=1d,attribution=LAST_REPLIER";
    private static final String WINDOW_2 = "window=2d,attribution=LAST_REPLIER";
    private static final String SERVICE_LEVEL_ALPHA = "serviceLevel=20s,abandonShort=5s";
    private static final String SERVICE_LEVEL_BETA = "serviceLevel=30s,abandonShort=10s";

    private static Expected count(String numerator) {
        return new Expected(numerator, null, numerator, true, null);
    }

    private static Expected rate(String numerator, String denominator, String value) {
        return new Expected(numerator, denominator, value, true, null);
    }

    private static Expected pending(Expected expected) {
        return new Expected(expected.numerator(), expected.denominator(), expected.value(), false, expected.variant());
    }

    private static Expected variant(Expected expected, String variant) {
        return new Expected(
                expected.numerator(), expected.denominator(), expected.value(), expected.finalValue(), variant);
    }

    private static Map<String, Expected> kpis(Object... keysAndValues) {
        Map<String, Expected> kpis = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            kpis.put((String) keysAndValues[i], (Expected) keysAndValues[i + 1]);
        }
        return kpis;
    }

    private static List<String> group(String... values) {
        return Arrays.asList(values);
    }

    /** Every KPI grouped by {@code vendor}, D1 to D2, read at {@link #NOW}. */
    public static List<ExpectedRow> byVendor() {
        // The null-vendor row holds what no vendor is credited with: paid orders (silent sales) and unlinked ratings.
        ExpectedRow none = new ExpectedRow(
                group((String) null),
                kpis(
                        "inquiries", count("0"),
                        "inquiringCustomers", count("0"),
                        "responseRate", rate("0", "0", null),
                        "firstResponseSeconds", rate("0", "0", null),
                        "averageResponseSeconds", rate("0", "0", null),
                        "withinThresholdRate", rate("0", "0", null),
                        "slowBursts", count("0"),
                        "unansweredInquiries", count("0"),
                        // no cohort member: the default 1-day window decides finality (D2 + 1 + 2 = June 5)
                        "inquiryConversion", rate("0", "0", null),
                        "paidConversion", pending(rate("0", "0", null)),
                        "averageOrderValue", pending(rate("0", "0", null)),
                        // paid orders placed D1-D2: o-1, o-3, o-4; o-4 (cust-9 never inquired) is silent
                        "silentSales", pending(rate("1", "3", "0.3333")),
                        "silentSalesAmount", pending(count("99.00")),
                        // r-3 (3/2/3) and r-4 (4/5/5), both unlinked
                        "dsrItem", rate("7", "2", "3.5000"),
                        "dsrService", rate("7", "2", "3.5000"),
                        "dsrLogistics", rate("8", "2", "4.0000"),
                        "csat", rate("0", "0", null),
                        "ratingParticipation", rate("0", "0", null),
                        "callsOffered", count("0"),
                        "callsAnswered", count("0"),
                        "abandonRate", rate("0", "0", null),
                        "averageSpeedOfAnswer", rate("0", "0", null),
                        "serviceLevel", rate("0", "0", null),
                        "averageHandleSeconds", rate("0", "0", null),
                        "callbacksDue", count("0"),
                        "callbackCompletionRate", rate("0", "0", null),
                        "complaints", count("0"),
                        "complaintRate", rate("0", "0", null),
                        "meanResolutionMinutes", rate("0", "0", null),
                        "complaintSlaAttainment", rate("0", "0", null),
                        "evaluations", count("0"),
                        "meanQaScore", rate("0", "0", null),
                        "qaFailRate", rate("0", "0", null)));
        ExpectedRow alpha = new ExpectedRow(
                group(ALPHA),
                kpis(
                        // inquiries conv-1, conv-2, conv-3, conv-8 (conv-7 has no customer message)
                        "inquiries", count("4"),
                        // (Tmall, cust-1, D1) twice, (Tmall, cust-2, D1), (Tmall, cust-7, D2)
                        "inquiringCustomers", count("3"),
                        "responseRate", rate("3", "4", "0.7500"),
                        // conv-1 20 s, conv-3 12 s, conv-8 60 s (its first agent message precedes the inquiry)
                        "firstResponseSeconds", rate("92", "3", "30.6667"),
                        // answered bursts 20 + 50 (conv-1) + 12 (conv-3) + 60 (conv-8); conv-2's burst is unanswered
                        "averageResponseSeconds", rate("142", "4", "35.5000"),
                        "withinThresholdRate", variant(rate("2", "5", "0.4000"), THRESHOLD_30),
                        "slowBursts", variant(count("2"), THRESHOLD_30),
                        "unansweredInquiries", count("1"),
                        // members (Tmall,cust-1,D1) converted by o-1 and credited to a-wang, (Tmall,cust-2,D1) not (o-2
                        // is after the window), (Tmall,cust-7,D2) not
                        "inquiryConversion", variant(rate("1", "3", "0.3333"), WINDOW_1),
                        "paidConversion", pending(variant(rate("1", "3", "0.3333"), WINDOW_1)),
                        // o-1: 200.00 paid - 50.00 refunded
                        "averageOrderValue", pending(variant(rate("150.00", "1", "150.0000"), WINDOW_1)),
                        "silentSales", pending(rate("0", "0", null)),
                        "silentSalesAmount", pending(count("0")),
                        // r-1 linked to conv-1
                        "dsrItem", rate("5", "1", "5.0000"),
                        "dsrService", rate("5", "1", "5.0000"),
                        "dsrLogistics", rate("4", "1", "4.0000"),
                        "csat", rate("1", "1", "1.0000"),
                        // closed inquiries conv-1 (rated) and conv-2
                        "ratingParticipation", rate("1", "2", "0.5000"),
                        // inbound call-1..call-4; call-5 is outbound
                        "callsOffered", count("4"),
                        "callsAnswered", count("2"),
                        "abandonRate", rate("2", "4", "0.5000"),
                        "averageSpeedOfAnswer", rate("33", "2", "16.5000"),
                        // answered within 20 s: call-1; offered 4 minus call-3 (abandoned after 3 s)
                        "serviceLevel", variant(rate("1", "3", "0.3333"), SERVICE_LEVEL_ALPHA),
                        // 160 (call-1) + 240 (call-2) + 80 (call-5, outbound)
                        "averageHandleSeconds", rate("480", "3", "160.0000"),
                        "callbacksDue", count("2"),
                        "callbackCompletionRate", rate("1", "2", "0.5000"),
                        "complaints", count("2"),
                        "complaintRate", rate("2", "4", "0.5000"),
                        "meanResolutionMinutes", rate("450", "2", "225.0000"),
                        "complaintSlaAttainment", rate("1", "2", "0.5000"),
                        "evaluations", count("2"),
                        "meanQaScore", rate("162.5", "2", "81.2500"),
                        "qaFailRate", rate("1", "2", "0.5000")));
        ExpectedRow beta = new ExpectedRow(
                group(BETA),
                kpis(
                        "inquiries", count("2"),
                        "inquiringCustomers", count("2"),
                        "responseRate", rate("2", "2", "1.0000"),
                        // conv-4 45 s (b-chen), conv-5 20 s
                        "firstResponseSeconds", rate("65", "2", "32.5000"),
                        // 45 + 100 (conv-4) + 20 (conv-5); conv-4's third burst is unanswered
                        "averageResponseSeconds", rate("165", "3", "55.0000"),
                        "withinThresholdRate", variant(rate("2", "4", "0.5000"), THRESHOLD_60),
                        "slowBursts", variant(count("1"), THRESHOLD_60),
                        "unansweredInquiries", count("0"),
                        // (JD,cust-3,D1) converted by o-3 and paid on D5; (JD,cust-4,D2) converted by o-5 on D3
                        // (inside the 2-day window), never paid; both credited to b-liu
                        "inquiryConversion", pending(variant(rate("2", "2", "1.0000"), WINDOW_2)),
                        "paidConversion", pending(variant(rate("1", "2", "0.5000"), WINDOW_2)),
                        "averageOrderValue", pending(variant(rate("300.00", "1", "300.0000"), WINDOW_2)),
                        "silentSales", pending(rate("0", "0", null)),
                        "silentSalesAmount", pending(count("0")),
                        "dsrItem", rate("4", "1", "4.0000"),
                        "dsrService", rate("3", "1", "3.0000"),
                        "dsrLogistics", rate("5", "1", "5.0000"),
                        "csat", rate("0", "1", "0.0000"),
                        "ratingParticipation", rate("1", "1", "1.0000"),
                        // call-6 (delivered twice, counted once) and call-7
                        "callsOffered", count("2"),
                        "callsAnswered", count("1"),
                        "abandonRate", rate("1", "2", "0.5000"),
                        "averageSpeedOfAnswer", rate("28", "1", "28.0000"),
                        // call-6 answered in 28 s <= 30 s; call-7 abandoned after 8 s <= 10 s is left out
                        "serviceLevel", variant(rate("1", "1", "1.0000"), SERVICE_LEVEL_BETA),
                        "averageHandleSeconds", rate("120", "1", "120.0000"),
                        "callbacksDue", count("1"),
                        "callbackCompletionRate", rate("0", "1", "0.0000"),
                        "complaints", count("1"),
                        "complaintRate", rate("1", "2", "0.5000"),
                        "meanResolutionMinutes", rate("0", "0", null),
                        "complaintSlaAttainment", rate("0", "0", null),
                        "evaluations", count("2"),
                        "meanQaScore", rate("173", "2", "86.5000"),
                        "qaFailRate", rate("1", "2", "0.5000")));
        return List.of(none, alpha, beta);
    }

    /** Some rows grouped by {@code vendor, agent}, D1 to D2, read at {@link #NOW}. */
    public static List<ExpectedRow> byVendorAndAgent() {
        return List.of(
                // records with no agent at alpha: conv-2 (unanswered), the member of cust-2 (no reply), the two
                // abandoned calls and both complaints; the complaint rate divides by this group's only inquiry
                new ExpectedRow(
                        group(ALPHA, null),
                        kpis(
                                "inquiries", count("1"),
                                "unansweredInquiries", count("1"),
                                "inquiryConversion", variant(rate("0", "1", "0.0000"), WINDOW_1),
                                "callsOffered", count("2"),
                                "abandonRate", rate("2", "2", "1.0000"),
                                "complaints", count("2"),
                                "complaintRate", rate("2", "1", "2.0000"))),
                // a-li: first responder of conv-1, rated by r-1, call-1 and the outbound call-5, evaluation q-1
                new ExpectedRow(
                        group(ALPHA, "a-li"),
                        kpis(
                                "inquiries", count("1"),
                                "firstResponseSeconds", rate("20", "1", "20.0000"),
                                "averageResponseSeconds", rate("70", "2", "35.0000"),
                                "withinThresholdRate", variant(rate("1", "2", "0.5000"), THRESHOLD_30),
                                "inquiryConversion", rate("0", "0", null),
                                "dsrService", rate("5", "1", "5.0000"),
                                "csat", rate("1", "1", "1.0000"),
                                "callsOffered", count("1"),
                                "averageHandleSeconds", rate("240", "2", "120.0000"),
                                "evaluations", count("1"),
                                "meanQaScore", rate("92.5", "1", "92.5000"))),
                // a-wang: credited with cust-1's conversion (last reply before o-1), callback cb-1 on time
                new ExpectedRow(
                        group(ALPHA, "a-wang"),
                        kpis(
                                "inquiries", count("1"),
                                "inquiryConversion", variant(rate("1", "1", "1.0000"), WINDOW_1),
                                "averageOrderValue", pending(variant(rate("150.00", "1", "150.0000"), WINDOW_1)),
                                "callbackCompletionRate", rate("1", "1", "1.0000"),
                                "qaFailRate", rate("1", "1", "1.0000"))),
                // b-liu: credited with both beta members although b-chen answered conv-4 first
                new ExpectedRow(
                        group(BETA, "b-liu"),
                        kpis(
                                "inquiries", count("1"),
                                "inquiryConversion", pending(variant(rate("2", "2", "1.0000"), WINDOW_2)),
                                "paidConversion", pending(variant(rate("1", "2", "0.5000"), WINDOW_2)),
                                "evaluations", count("1"))));
    }

    /** Some rows grouped by {@code day}, all vendors, D1 to D2, read at {@link #NOW}. */
    public static List<ExpectedRow> byDay() {
        return List.of(
                new ExpectedRow(
                        group("2026-06-01"),
                        kpis(
                                // conv-1, conv-2, conv-3 (alpha), conv-4 (beta)
                                "inquiries", count("4"),
                                "inquiringCustomers", count("3"),
                                "responseRate", rate("3", "4", "0.7500"),
                                "firstResponseSeconds", rate("77", "3", "25.6667"),
                                "withinThresholdRate",
                                        variant(rate("3", "7", "0.4286"), THRESHOLD_30 + ";" + THRESHOLD_60),
                                // members of cust-1, cust-2 (alpha) and cust-3 (beta); June 1 + 2 + 2 = June 5: final
                                "inquiryConversion", variant(rate("2", "3", "0.6667"), WINDOW_1 + ";" + WINDOW_2),
                                "silentSales", pending(rate("0", "0", null)),
                                "callsOffered", count("4"),
                                "serviceLevel",
                                        variant(
                                                rate("2", "3", "0.6667"),
                                                SERVICE_LEVEL_ALPHA + ";" + SERVICE_LEVEL_BETA),
                                "dsrService", rate("2", "1", "2.0000"))),
                new ExpectedRow(
                        group("2026-06-02"),
                        kpis(
                                // conv-5 (beta), conv-8 (alpha)
                                "inquiries", count("2"),
                                "responseRate", rate("2", "2", "1.0000"),
                                "firstResponseSeconds", rate("80", "2", "40.0000"),
                                "inquiryConversion",
                                        pending(variant(rate("1", "2", "0.5000"), WINDOW_1 + ";" + WINDOW_2)),
                                "silentSales", pending(rate("1", "3", "0.3333")),
                                "silentSalesAmount", pending(count("99.00")),
                                "callsOffered", count("2"),
                                "complaints", count("2"),
                                "complaintRate", rate("2", "2", "1.0000"),
                                "dsrService", rate("13", "3", "4.3333"))));
    }

    /** Some rows grouped by {@code team}: a-zhao's current team is t-alpha-2 (his earlier state said t-alpha-1). */
    public static List<ExpectedRow> byTeam() {
        return List.of(
                // conv-2 has no responder, so no team
                new ExpectedRow(group((String) null), kpis("inquiries", count("1"), "callbacksDue", count("0"))),
                // a-li (conv-1, q-1, cb none) and a-wang (conv-3, q-2, cb-1)
                new ExpectedRow(
                        group("t-alpha-1"),
                        kpis("inquiries", count("2"), "callbacksDue", count("1"), "evaluations", count("2"))),
                // a-zhao: conv-8, cust-7's member and cb-2
                new ExpectedRow(
                        group("t-alpha-2"),
                        kpis(
                                "inquiries", count("1"),
                                "callbacksDue", count("1"),
                                "inquiryConversion", variant(rate("0", "1", "0.0000"), WINDOW_1))),
                new ExpectedRow(
                        group("t-beta"),
                        kpis("inquiries", count("2"), "callbacksDue", count("1"), "evaluations", count("2"))));
    }
}

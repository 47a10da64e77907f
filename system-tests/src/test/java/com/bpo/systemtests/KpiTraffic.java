package com.bpo.systemtests;

import static com.bpo.testsupport.TrafficRecords.chatMessage;
import static com.bpo.testsupport.TrafficRecords.closedBySystem;
import static com.bpo.testsupport.TrafficRecords.engagement;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.Severity;
import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.call.CallEnded;
import com.bpo.contracts.chat.ConversationStarted;
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
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.Platform;
import com.bpo.contracts.org.ShopChanged;
import com.bpo.contracts.org.TeamChanged;
import com.bpo.contracts.org.VendorChanged;
import com.bpo.contracts.qa.EvaluationCompleted;
import com.bpo.contracts.qa.QaSubjectType;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Seeded traffic of one brand over three local days, as the analytics service receives it from the other services
 * and from the brand: the organisation (two vendors with their teams, agents and engagements, three shops), then chat
 * conversations with customer, agent and bot messages, closings, orders paid and refunded, ratings, calls, callbacks,
 * complaints and QA evaluations, in the order of their own times, with some facts delivered twice. The same seed gives
 * the same events. Every id starts with {@value #ID_PREFIX}, so the traffic shares no conversation, order or agent with
 * other data of the brand.
 */
final class KpiTraffic {

    static final String ID_PREFIX = "kpi-crash-";
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 1);
    static final LocalDate LAST_DAY = FIRST_DAY.plusDays(2);

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> VENDORS = List.of(ID_PREFIX + "vendor-east", ID_PREFIX + "vendor-west");
    private static final List<String> SHOPS = List.of(ID_PREFIX + "tmall", ID_PREFIX + "jd", ID_PREFIX + "douyin");
    private static final int AGENTS_PER_VENDOR = 3;

    /** One event and when it happened (the CloudEvent's {@code ce_time}). */
    record TimedEvent(Instant at, EventPayload payload) {}

    private final String brandId;
    private final long seed;
    private final int conversations;

    KpiTraffic(String brandId, long seed, int conversations) {
        this.brandId = brandId;
        this.seed = seed;
        this.conversations = conversations;
    }

    /** The organisation: one state per aggregate, stamped now so that it is the latest state of each. */
    List<TimedEvent> organisation() {
        Instant now = Instant.now();
        List<EventPayload> states = new ArrayList<>();
        states.add(new BrandChanged(brandId, "Zongzi", ZONE, true));
        for (String shop : SHOPS) {
            states.add(new ShopChanged(shop, brandId, Platform.TMALL, shop, true));
        }
        for (String vendor : VENDORS) {
            states.add(new VendorChanged(vendor, vendor, true));
            for (int team = 1; team <= 2; team++) {
                states.add(new TeamChanged(vendor + "-team-" + team, vendor, "team " + team, true));
            }
            for (int agent = 1; agent <= AGENTS_PER_VENDOR; agent++) {
                states.add(new AgentChanged(
                        agentId(vendor, agent),
                        vendor,
                        vendor + "-team-" + (agent % 2 + 1),
                        "user-" + agentId(vendor, agent),
                        "agent " + agent,
                        List.of("chat"),
                        5,
                        true));
            }
        }
        // Different variants per engagement, so that the answers name them and a wrong engagement would show.
        states.add(engagement(
                VENDORS.get(0) + "-engagement",
                brandId,
                VENDORS.get(0),
                List.of(SHOPS.get(0)),
                ZONE,
                new KpiVariants(30, 1, Attribution.LAST_REPLIER, 20, 5)));
        states.add(engagement(
                VENDORS.get(1) + "-engagement",
                brandId,
                VENDORS.get(1),
                List.of(SHOPS.get(1), SHOPS.get(2)),
                ZONE,
                new KpiVariants(45, 2, null, 15, 3)));
        return states.stream().map(state -> new TimedEvent(now, state)).toList();
    }

    /** The facts in the order of their times, about 3 % of them delivered a second time right after the first. */
    List<TimedEvent> facts() {
        Random random = new Random(seed);
        List<TimedEvent> facts = new ArrayList<>();
        Instant start = FIRST_DAY.atStartOfDay(ZONE).toInstant();
        long span = Duration.ofDays(3).toSeconds();
        int customers = Math.max(10, conversations / 3);
        for (int n = 0; n < conversations; n++) {
            conversation(n, start.plusSeconds(random.nextLong(span)), customers, random, facts);
        }
        for (int n = 0; n < conversations / 10; n++) {
            // silent sales: customers who never inquired
            order(
                    ID_PREFIX + "silent-" + n,
                    SHOPS.get(n % SHOPS.size()),
                    ID_PREFIX + "walk-in-" + n,
                    start.plusSeconds(random.nextLong(span)),
                    random,
                    facts);
        }
        for (int n = 0; n < conversations / 2; n++) {
            facts.add(call(ID_PREFIX + "call-" + n, start.plusSeconds(random.nextLong(span)), random));
        }
        for (int n = 0; n < conversations / 8; n++) {
            callback(ID_PREFIX + "callback-" + n, start.plusSeconds(random.nextLong(span)), random, facts);
            complaint(ID_PREFIX + "complaint-" + n, start.plusSeconds(random.nextLong(span)), random, facts);
        }
        facts.sort(Comparator.comparing(TimedEvent::at));
        List<TimedEvent> delivered = new ArrayList<>();
        for (TimedEvent fact : facts) {
            delivered.add(fact);
            if (random.nextInt(100) < 3) {
                delivered.add(fact);
            }
        }
        return delivered;
    }

    private void conversation(int n, Instant at, int customers, Random random, List<TimedEvent> facts) {
        String conversationId = ID_PREFIX + "conversation-" + n;
        String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
        String shop = vendor.equals(VENDORS.get(0)) ? SHOPS.get(0) : SHOPS.get(1 + random.nextInt(2));
        String customer = ID_PREFIX + "customer-" + random.nextInt(customers);
        String agent = agentId(vendor, 1 + random.nextInt(AGENTS_PER_VENDOR));
        facts.add(new TimedEvent(
                at,
                new ConversationStarted(
                        conversationId, brandId, vendor, shop, Channel.CHAT, customer, null, null, at)));
        List<MessageSent> messages = new ArrayList<>();
        Instant time = at;
        if (random.nextInt(100) < 30) {
            messages.add(chatMessage(
                    brandId, conversationId, messages.size(), vendor, shop, customer, Sender.BOT, null, time));
        }
        boolean agentAnswers = random.nextInt(100) < 85;
        int turns = 1 + random.nextInt(4);
        for (int turn = 0; turn < turns; turn++) {
            int customerMessages = 1 + random.nextInt(3);
            for (int c = 0; c < customerMessages; c++) {
                time = time.plusMillis(500 + random.nextInt(20_000));
                messages.add(chatMessage(
                        brandId, conversationId, messages.size(), vendor, shop, customer, Sender.CUSTOMER, null, time));
            }
            if (agentAnswers && (turn < turns - 1 || random.nextInt(100) < 70)) {
                if (random.nextInt(100) < 10) {
                    agent = agentId(vendor, 1 + random.nextInt(AGENTS_PER_VENDOR)); // hand-over to a colleague
                }
                time = time.plusMillis(1_000 + random.nextInt(90_000));
                messages.add(chatMessage(
                        brandId, conversationId, messages.size(), vendor, shop, customer, Sender.AGENT, agent, time));
            }
        }
        messages.forEach(message -> facts.add(new TimedEvent(message.sentAt(), message)));
        if (random.nextInt(100) < 70) {
            Instant closedAt = time.plusSeconds(300);
            facts.add(new TimedEvent(
                    closedAt, closedBySystem(brandId, conversationId, vendor, shop, customer, messages, closedAt)));
        }
        if (random.nextInt(100) < 25) {
            Instant ratedAt = time.plusSeconds(3_600 + random.nextInt(86_400));
            facts.add(new TimedEvent(
                    ratedAt,
                    new RatingReceived(
                            ID_PREFIX + "rating-" + n,
                            brandId,
                            shop,
                            customer,
                            ID_PREFIX + "rated-order-" + n,
                            conversationId,
                            ratedAt,
                            1 + random.nextInt(5),
                            1 + random.nextInt(5),
                            1 + random.nextInt(5))));
        }
        if (random.nextInt(100) < 35) {
            order(
                    ID_PREFIX + "order-" + n,
                    shop,
                    customer,
                    time.plusSeconds(random.nextLong(Duration.ofDays(2).toSeconds())),
                    random,
                    facts);
        }
        if (agentAnswers && random.nextInt(100) < 20) {
            Instant evaluatedAt = time.plusSeconds(7_200);
            facts.add(new TimedEvent(
                    evaluatedAt,
                    evaluation(ID_PREFIX + "evaluation-" + n, conversationId, vendor, agent, evaluatedAt, random)));
        }
    }

    /** The closing event's figures are not read by the KPIs; that the conversation closed is. */
    private void order(
            String orderId, String shop, String customer, Instant placedAt, Random random, List<TimedEvent> facts) {
        BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(50_000), 2);
        facts.add(new TimedEvent(
                placedAt,
                new OrderChanged(
                        orderId, brandId, shop, customer, OrderStatus.PLACED, placedAt, placedAt, amount, "CNY")));
        if (random.nextInt(100) < 75) {
            Instant paidAt = placedAt.plusSeconds(random.nextInt(3 * 86_400));
            facts.add(new TimedEvent(
                    paidAt,
                    new OrderChanged(
                            orderId, brandId, shop, customer, OrderStatus.PAID, placedAt, paidAt, amount, "CNY")));
            if (random.nextInt(100) < 15) {
                Instant refundedAt = paidAt.plusSeconds(random.nextInt(2 * 86_400));
                BigDecimal refund = amount.multiply(BigDecimal.valueOf(1 + random.nextInt(100), 2))
                        .setScale(2, RoundingMode.DOWN);
                facts.add(new TimedEvent(
                        refundedAt,
                        new OrderChanged(
                                orderId,
                                brandId,
                                shop,
                                customer,
                                OrderStatus.REFUNDED,
                                placedAt,
                                refundedAt,
                                refund,
                                "CNY")));
            }
        }
    }

    private TimedEvent call(String callId, Instant offeredAt, Random random) {
        String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
        String shop = random.nextInt(100) < 10 ? null : SHOPS.get(random.nextInt(SHOPS.size()));
        int roll = random.nextInt(100);
        CallDirection direction =
                roll < 80 ? CallDirection.INBOUND : roll < 90 ? CallDirection.OUTBOUND : CallDirection.CALLBACK;
        boolean abandoned = direction == CallDirection.INBOUND && random.nextInt(100) < 15;
        long wait = direction == CallDirection.INBOUND ? random.nextInt(60) : random.nextInt(5);
        String agent = abandoned ? null : agentId(vendor, 1 + random.nextInt(AGENTS_PER_VENDOR));
        long talk = abandoned ? 0 : 30 + random.nextInt(600);
        long hold = abandoned ? 0 : random.nextInt(60);
        long wrap = abandoned ? 0 : random.nextInt(120);
        Instant endedAt = offeredAt.plusSeconds(wait + talk + hold);
        return new TimedEvent(
                endedAt,
                new CallEnded(
                        callId,
                        brandId,
                        vendor,
                        shop,
                        ID_PREFIX + "caller",
                        null,
                        agent,
                        direction,
                        offeredAt,
                        abandoned ? null : offeredAt.plusSeconds(wait),
                        endedAt,
                        wait,
                        talk,
                        hold,
                        wrap,
                        abandoned,
                        direction == CallDirection.CALLBACK ? ID_PREFIX + "earlier-call" : null));
    }

    private void callback(String callbackId, Instant dueAt, Random random, List<TimedEvent> facts) {
        String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
        String ticketId = callbackId + "-ticket";
        Instant scheduledAt = dueAt.minusSeconds(7_200);
        facts.add(new TimedEvent(
                scheduledAt,
                new CallbackScheduled(
                        callbackId,
                        ticketId,
                        brandId,
                        vendor,
                        ID_PREFIX + "callback-customer",
                        agentId(vendor, 1 + random.nextInt(AGENTS_PER_VENDOR)),
                        scheduledAt,
                        dueAt)));
        if (random.nextInt(100) < 75) {
            Instant doneAt = dueAt.plusSeconds(random.nextInt(7_200) - 5_400);
            facts.add(new TimedEvent(
                    doneAt,
                    new CallbackCompleted(
                            callbackId,
                            ticketId,
                            brandId,
                            vendor,
                            ID_PREFIX + "callback-customer",
                            agentId(vendor, 1 + random.nextInt(AGENTS_PER_VENDOR)),
                            null,
                            dueAt,
                            doneAt,
                            !doneAt.isAfter(dueAt))));
        }
    }

    private void complaint(String complaintId, Instant filedAt, Random random, List<TimedEvent> facts) {
        String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
        String shop = random.nextInt(100) < 10 ? null : SHOPS.get(random.nextInt(SHOPS.size()));
        String ticketId = complaintId + "-ticket";
        String customer = ID_PREFIX + "complaining-customer";
        int targetMinutes = 240;
        facts.add(new TimedEvent(
                filedAt,
                new ComplaintFiled(
                        complaintId,
                        ticketId,
                        brandId,
                        vendor,
                        shop,
                        customer,
                        null,
                        "LOGISTICS",
                        Severity.MEDIUM,
                        filedAt,
                        targetMinutes)));
        if (random.nextInt(100) < 70) {
            Instant resolvedAt = filedAt.plusSeconds(60 + random.nextInt(8 * 3_600));
            facts.add(new TimedEvent(
                    resolvedAt,
                    new ComplaintResolved(
                            complaintId,
                            ticketId,
                            brandId,
                            vendor,
                            shop,
                            customer,
                            null,
                            "LOGISTICS",
                            Severity.MEDIUM,
                            filedAt,
                            resolvedAt,
                            targetMinutes,
                            Duration.between(filedAt, resolvedAt).toMinutes() <= targetMinutes)));
        }
    }

    private EvaluationCompleted evaluation(
            String evaluationId, String conversationId, String vendor, String agent, Instant at, Random random) {
        BigDecimal score = BigDecimal.valueOf(5_000 + random.nextInt(5_001), 2);
        BigDecimal passMark = new BigDecimal("80");
        boolean criticalFailed = random.nextInt(100) < 5;
        return new EvaluationCompleted(
                evaluationId,
                brandId,
                vendor,
                agent,
                vendor + "-team-1",
                QaSubjectType.CONVERSATION,
                conversationId,
                ID_PREFIX + "scorecard",
                score,
                new BigDecimal("100"),
                passMark,
                criticalFailed,
                score.compareTo(passMark) >= 0 && !criticalFailed,
                ID_PREFIX + "reviewer",
                at);
    }

    private static String agentId(String vendor, int n) {
        return vendor + "-agent-" + n;
    }
}

package com.bpo.analytics.reference;

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
 * Seeded, realistic traffic of two brands over three local days: the organisation, chat with customer, agent and bot
 * messages, orders paid and refunded on later days, ratings, calls, callbacks, complaints and QA evaluations. The same
 * seed gives the same list. {@link #deliveries()} then delivers it the way Kafka may: exact duplicates, neighbours
 * swapped and some facts held back to the very end. Organisation aggregates get one state each, so that only the fact
 * topics' delivery order varies (their latest-wins rule makes the order of different states matter by design).
 */
public final class RandomTraffic {

    /** Days the traffic covers, local to each brand: three days of inquiries, orders and payments run on after. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 1);

    public static final LocalDate LAST_DAY = FIRST_DAY.plusDays(2);

    /** Brand one is in Shanghai; brand two has its own zone, so its local days differ from brand one's. */
    public static final String BRAND_ONE = "b-one";

    public static final String BRAND_TWO = "b-two";

    private static final List<String> VENDORS = List.of("v-east", "v-west");

    private final long seed;
    private final int conversationsPerBrand;

    public RandomTraffic(long seed, int conversationsPerBrand) {
        this.seed = seed;
        this.conversationsPerBrand = conversationsPerBrand;
    }

    private record Brand(String id, ZoneId zone, List<String> shops) {}

    /** The traffic as it happened: organisation first, then every fact in the order of its own time. */
    public List<EventPayload> events() {
        Random random = new Random(seed);
        List<EventPayload> organisation = new ArrayList<>();
        List<Timed> facts = new ArrayList<>();
        List<Brand> brands = List.of(
                new Brand(BRAND_ONE, ZoneId.of("Asia/Shanghai"), List.of("s1-tmall", "s1-jd", "s1-douyin")),
                new Brand(BRAND_TWO, ZoneId.of("Europe/Berlin"), List.of("s2-own", "s2-wechat")));

        for (String vendor : VENDORS) {
            organisation.add(new VendorChanged(vendor, vendor.toUpperCase(), true));
            for (int team = 1; team <= 2; team++) {
                organisation.add(new TeamChanged(vendor + "-t" + team, vendor, "team " + team, true));
            }
            for (int agent = 1; agent <= 4; agent++) {
                // one agent per vendor has no organisation record: its team is unknown (null)
                if (agent < 4) {
                    organisation.add(new AgentChanged(
                            agentId(vendor, agent),
                            vendor,
                            vendor + "-t" + (agent % 2 + 1),
                            "u-" + agentId(vendor, agent),
                            "agent " + agent,
                            List.of("chat"),
                            5,
                            true));
                }
            }
        }
        for (Brand brand : brands) {
            if (BRAND_ONE.equals(brand.id())) {
                organisation.add(new BrandChanged(brand.id(), "Brand one", brand.zone(), true));
                // v-east has two engagements with brand one; which one a record belongs to depends on its shop
                organisation.add(engagement(
                        "e-1-east-a",
                        brand.id(),
                        "v-east",
                        List.of("s1-tmall"),
                        brand.zone(),
                        new KpiVariants(30, 1, Attribution.LAST_REPLIER, 20, 5)));
                organisation.add(engagement(
                        "e-1-east-b",
                        brand.id(),
                        "v-east",
                        List.of("s1-jd", "s1-douyin"),
                        brand.zone(),
                        new KpiVariants(45, 0, null, 15, 3)));
                organisation.add(engagement(
                        "e-1-west",
                        brand.id(),
                        "v-west",
                        List.of("s1-jd"),
                        brand.zone(),
                        new KpiVariants(60, 2, null, 30, 10)));
            } else {
                organisation.add(new BrandChanged(brand.id(), "Brand two", brand.zone(), true));
                organisation.add(engagement(
                        "e-2-east",
                        brand.id(),
                        "v-east",
                        List.of("s2-own", "s2-wechat"),
                        brand.zone(),
                        KpiVariants.DEFAULTS));
                organisation.add(engagement(
                        "e-2-west",
                        brand.id(),
                        "v-west",
                        List.of("s2-own"),
                        brand.zone(),
                        new KpiVariants(20, 3, null, 25, 8)));
            }
            for (String shop : brand.shops()) {
                organisation.add(new ShopChanged(shop, brand.id(), Platform.TMALL, shop, true));
            }
            brandTraffic(brand, random, facts);
        }
        facts.sort(Comparator.comparing(Timed::at));
        List<EventPayload> events = new ArrayList<>(organisation);
        facts.forEach(t -> events.add(t.event()));
        return events;
    }

    /**
     * The deliveries: the events with about 3 % delivered twice, neighbours swapped, and about 2 % of the facts moved to
     * the end (late).
     */
    public List<EventPayload> deliveries() {
        List<EventPayload> events = events();
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<EventPayload> delivered = new ArrayList<>();
        List<EventPayload> late = new ArrayList<>();
        for (EventPayload event : events) {
            boolean fact = !(event.key().contains(":"));
            if (fact && random.nextInt(100) < 2) {
                late.add(event);
                continue;
            }
            delivered.add(event);
            if (random.nextInt(100) < 3) {
                delivered.add(event);
            }
        }
        // out of order: swap neighbours among the facts (organisation records stay in front)
        int firstFact = (int) events.stream().filter(e -> e.key().contains(":")).count();
        for (int i = firstFact; i + 1 < delivered.size(); i++) {
            if (random.nextInt(10) == 0) {
                EventPayload next = delivered.get(i + 1);
                delivered.set(i + 1, delivered.get(i));
                delivered.set(i, next);
            }
        }
        delivered.addAll(late);
        return delivered;
    }

    private record Timed(Instant at, EventPayload event) {}

    private static String agentId(String vendor, int n) {
        return vendor + "-agent-" + n;
    }

    private void brandTraffic(Brand brand, Random random, List<Timed> facts) {
        String b = brand.id();
        Instant start = FIRST_DAY.atStartOfDay(brand.zone()).toInstant();
        long span = Duration.ofDays(3).toSeconds();
        int customers = Math.max(20, conversationsPerBrand / 4);
        List<MessageSent> agentMessages = new ArrayList<>();

        for (int n = 0; n < conversationsPerBrand; n++) {
            String conversationId = b + "-conv-" + n;
            String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
            String shop = brand.shops().get(random.nextInt(brand.shops().size()));
            String customer = b + "-cust-" + random.nextInt(customers);
            Instant at = start.plusSeconds(random.nextLong(span)).plusMillis(random.nextInt(1000));
            facts.add(new Timed(
                    at,
                    new ConversationStarted(conversationId, b, vendor, shop, Channel.CHAT, customer, null, null, at)));
            List<MessageSent> messages = new ArrayList<>();
            int kind = random.nextInt(100);
            int counter = 0;
            if (kind < 40) {
                messages.add(chatMessage(b, conversationId, counter++, vendor, shop, customer, Sender.BOT, null, at));
            }
            boolean botOnly = kind < 5; // a greeting nobody answered: no inquiry
            if (!botOnly) {
                int turns = 1 + random.nextInt(6);
                boolean agentAnswers = random.nextInt(100) < 85;
                String agent = agentId(vendor, 1 + random.nextInt(4));
                if (random.nextInt(100) < 5) {
                    at = at.plusSeconds(1);
                    messages.add(
                            chatMessage(b, conversationId, counter++, vendor, shop, customer, Sender.AGENT, agent, at));
                }
                for (int turn = 0; turn < turns; turn++) {
                    int customerMessages = 1 + random.nextInt(3);
                    for (int c = 0; c < customerMessages; c++) {
                        at = at.plusMillis(500 + random.nextInt(20_000));
                        messages.add(chatMessage(
                                b, conversationId, counter++, vendor, shop, customer, Sender.CUSTOMER, null, at));
                    }
                    if (random.nextInt(100) < 20) {
                        at = at.plusMillis(200 + random.nextInt(3_000));
                        messages.add(chatMessage(
                                b, conversationId, counter++, vendor, shop, customer, Sender.BOT, null, at));
                    }
                    if (agentAnswers && (turn < turns - 1 || random.nextInt(100) < 70)) {
                        if (random.nextInt(100) < 10) {
                            agent = agentId(vendor, 1 + random.nextInt(4)); // hand-over to a colleague
                        }
                        at = at.plusMillis(1_000 + random.nextInt(120_000));
                        messages.add(chatMessage(
                                b, conversationId, counter++, vendor, shop, customer, Sender.AGENT, agent, at));
                        if (random.nextInt(100) < 15) {
                            at = at.plusMillis(1_000 + random.nextInt(10_000));
                            messages.add(chatMessage(
                                    b, conversationId, counter++, vendor, shop, customer, Sender.AGENT, agent, at));
                        }
                    }
                }
            }
            messages.forEach(m -> facts.add(new Timed(m.sentAt(), m)));
            messages.stream().filter(m -> m.sender() == Sender.AGENT).forEach(agentMessages::add);
            if (random.nextInt(100) < 70) {
                Instant closedAt = at.plusSeconds(300);
                facts.add(new Timed(
                        closedAt, closedBySystem(b, conversationId, vendor, shop, customer, messages, closedAt)));
            }
            if (random.nextInt(100) < 20) {
                Instant ratedAt = at.plusSeconds(3_600 + random.nextInt(86_400));
                // a few ratings name a conversation the brand does not have
                String named = random.nextInt(100) < 5 ? b + "-conv-unknown-" + n : conversationId;
                facts.add(new Timed(ratedAt, rating(b, b + "-r-" + n, shop, customer, named, ratedAt, random)));
            }
            if (random.nextInt(100) < 30) {
                // some customers order, some later than their window; a few in another shop
                String orderShop = random.nextInt(100) < 10 ? brand.shops().get(0) : shop;
                Instant placedAt =
                        at.plusSeconds(random.nextLong(Duration.ofDays(3).toSeconds()));
                order(b, b + "-o-" + n, orderShop, customer, placedAt, random, facts);
            }
        }
        // silent sales: orders of customers who never inquired, and ratings without a conversation
        for (int n = 0; n < conversationsPerBrand / 10; n++) {
            Instant placedAt = start.plusSeconds(random.nextLong(span));
            String shop = brand.shops().get(random.nextInt(brand.shops().size()));
            order(b, b + "-silent-" + n, shop, b + "-walk-in-" + n, placedAt, random, facts);
            facts.add(new Timed(
                    placedAt,
                    rating(
                            b,
                            b + "-r-walk-in-" + n,
                            shop,
                            b + "-walk-in-" + n,
                            null,
                            placedAt.plusSeconds(600),
                            random)));
        }
        for (int n = 0; n < conversationsPerBrand / 2; n++) {
            facts.add(call(b, b + "-call-" + n, brand, start.plusSeconds(random.nextLong(span)), random));
        }
        for (int n = 0; n < conversationsPerBrand / 10; n++) {
            callback(b, b + "-cb-" + n, start.plusSeconds(random.nextLong(span)), random, facts);
            complaint(b, b + "-cp-" + n, brand, start.plusSeconds(random.nextLong(span)), random, facts);
        }
        for (int n = 0; n < conversationsPerBrand / 5 && !agentMessages.isEmpty(); n++) {
            MessageSent served = agentMessages.get(random.nextInt(agentMessages.size()));
            Instant evaluatedAt = served.sentAt().plusSeconds(7_200);
            facts.add(new Timed(evaluatedAt, evaluation(b, b + "-qa-" + n, served, evaluatedAt, random)));
        }
    }

    /** The closing event carries figures the KPIs do not read; only that the conversation closed counts. */
    private static RatingReceived rating(
            String brandId,
            String ratingId,
            String shop,
            String customer,
            String conversationId,
            Instant ratedAt,
            Random random) {
        // the contract requires the rated order; no KPI reads it
        return new RatingReceived(
                ratingId,
                brandId,
                shop,
                customer,
                ratingId + "-order",
                conversationId,
                ratedAt,
                1 + random.nextInt(5),
                1 + random.nextInt(5),
                1 + random.nextInt(5));
    }

    private static void order(
            String brandId,
            String orderId,
            String shop,
            String customer,
            Instant placedAt,
            Random random,
            List<Timed> facts) {
        BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(50_000), 2);
        facts.add(new Timed(
                placedAt,
                new OrderChanged(
                        orderId, brandId, shop, customer, OrderStatus.PLACED, placedAt, placedAt, amount, "CNY")));
        if (random.nextInt(100) < 75) {
            Instant paidAt = placedAt.plusSeconds(
                    random.nextInt(100) < 80
                            ? random.nextInt(3_600)
                            : random.nextLong(Duration.ofDays(6).toSeconds()));
            facts.add(new Timed(
                    paidAt,
                    new OrderChanged(
                            orderId, brandId, shop, customer, OrderStatus.PAID, placedAt, paidAt, amount, "CNY")));
            if (random.nextInt(100) < 15) {
                Instant refundedAt =
                        paidAt.plusSeconds(random.nextLong(Duration.ofDays(4).toSeconds()));
                BigDecimal refund = amount.multiply(BigDecimal.valueOf(1 + random.nextInt(100), 2))
                        .setScale(2, RoundingMode.DOWN);
                facts.add(new Timed(
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

    private static Timed call(String brandId, String callId, Brand brand, Instant offeredAt, Random random) {
        String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
        String shop = random.nextInt(100) < 10
                ? null
                : brand.shops().get(random.nextInt(brand.shops().size()));
        int roll = random.nextInt(100);
        CallDirection direction =
                roll < 80 ? CallDirection.INBOUND : roll < 90 ? CallDirection.OUTBOUND : CallDirection.CALLBACK;
        boolean abandoned = direction == CallDirection.INBOUND && random.nextInt(100) < 15;
        long wait = direction == CallDirection.INBOUND ? random.nextInt(60) : random.nextInt(5);
        String agent = abandoned ? null : agentId(vendor, 1 + random.nextInt(4));
        long talk = abandoned ? 0 : 30 + random.nextInt(600);
        long hold = abandoned ? 0 : random.nextInt(60);
        long wrap = abandoned ? 0 : random.nextInt(120);
        Instant answeredAt = abandoned ? null : offeredAt.plusSeconds(wait);
        Instant endedAt = offeredAt.plusSeconds(wait + talk + hold);
        return new Timed(
                endedAt,
                new CallEnded(
                        callId,
                        brandId,
                        vendor,
                        shop,
                        brandId + "-caller",
                        null,
                        agent,
                        direction,
                        offeredAt,
                        answeredAt,
                        endedAt,
                        wait,
                        talk,
                        hold,
                        wrap,
                        abandoned,
                        direction == CallDirection.CALLBACK ? "earlier-call" : null));
    }

    private static void callback(String brandId, String callbackId, Instant dueAt, Random random, List<Timed> facts) {
        String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
        String scheduledAgent = random.nextInt(100) < 30 ? null : agentId(vendor, 1 + random.nextInt(4));
        Instant scheduledAt = dueAt.minusSeconds(7_200);
        String ticketId = "t-" + callbackId;
        facts.add(new Timed(
                scheduledAt,
                new CallbackScheduled(
                        callbackId, ticketId, brandId, vendor, "cust", scheduledAgent, scheduledAt, dueAt)));
        if (random.nextInt(100) < 75) {
            Instant doneAt = dueAt.plusSeconds(random.nextInt(7_200) - 5_400);
            String doneBy = agentId(vendor, 1 + random.nextInt(4));
            facts.add(new Timed(
                    doneAt,
                    new CallbackCompleted(
                            callbackId,
                            ticketId,
                            brandId,
                            vendor,
                            "cust",
                            doneBy,
                            null,
                            dueAt,
                            doneAt,
                            !doneAt.isAfter(dueAt))));
        }
    }

    private static void complaint(
            String brandId, String complaintId, Brand brand, Instant filedAt, Random random, List<Timed> facts) {
        String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
        String shop = random.nextInt(100) < 10
                ? null
                : brand.shops().get(random.nextInt(brand.shops().size()));
        int target = 240;
        String ticketId = "t-" + complaintId;
        facts.add(new Timed(
                filedAt,
                new ComplaintFiled(
                        complaintId,
                        ticketId,
                        brandId,
                        vendor,
                        shop,
                        "cust",
                        null,
                        "LOGISTICS",
                        Severity.MEDIUM,
                        filedAt,
                        target)));
        if (random.nextInt(100) < 70) {
            Instant resolvedAt = filedAt.plusSeconds(60 + random.nextInt(8 * 3_600));
            boolean withinSla = Duration.between(filedAt, resolvedAt).toMinutes() <= target;
            facts.add(new Timed(
                    resolvedAt,
                    new ComplaintResolved(
                            complaintId,
                            ticketId,
                            brandId,
                            vendor,
                            shop,
                            "cust",
                            null,
                            "LOGISTICS",
                            Severity.MEDIUM,
                            filedAt,
                            resolvedAt,
                            target,
                            withinSla)));
        }
    }

    private static EvaluationCompleted evaluation(
            String brandId, String evaluationId, MessageSent served, Instant at, Random random) {
        BigDecimal score = BigDecimal.valueOf(5_000 + random.nextInt(5_001), 2);
        BigDecimal passMark = new BigDecimal("80");
        boolean criticalFailed = random.nextInt(100) < 5;
        boolean call = random.nextInt(100) < 30;
        return new EvaluationCompleted(
                evaluationId,
                brandId,
                served.vendorId(),
                served.agentId(),
                "team-as-reported",
                call ? QaSubjectType.CALL : QaSubjectType.CONVERSATION,
                call ? "some-call" : served.conversationId(),
                "sc-1",
                score,
                new BigDecimal("100"),
                passMark,
                criticalFailed,
                score.compareTo(passMark) >= 0 && !criticalFailed,
                "reviewer",
                at);
    }
}

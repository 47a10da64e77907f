package com.bpo.bench;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.Severity;
import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.call.CallEnded;
import com.bpo.contracts.chat.ClosedBy;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.contracts.chat.ConversationStarted;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.contracts.commerce.RatingReceived;
import com.bpo.contracts.complaint.ComplaintFiled;
import com.bpo.contracts.complaint.ComplaintResolved;
import com.bpo.contracts.qa.EvaluationCompleted;
import com.bpo.contracts.qa.QaSubjectType;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A brand's day of customer service as the events the KPI engine reads, one customer contact ("unit") at a time:
 * the conversation (started, 4-16 messages, closed) on {@code chat.events}; for some contacts an order placed and
 * mostly paid, a rating, a phone call, a complaint filed and resolved, a callback scheduled and completed, a QA
 * evaluation, each on its own topic. Seeded and deterministic: unit {@code i} is always the same events.
 *
 * <p>Every id contains {@code idPrefix}, which holds {@link BatchTemplates#CYCLE_MARK}: the events are templates that
 * {@link KpiEventTemplates} repeats with a new cycle number in every id. Unit {@code i} of {@code units} starts at
 * {@code start + i * span / units}, so a run's units spread evenly over the span.
 */
final class KpiTraffic {

    static final String SOURCE_AGENT_SERVICE = "/agent-service";

    private final long seed;
    private final String idPrefix;
    private final AnalyticsOrganisation organisation;
    private final Instant start;
    private final Duration span;
    private final int units;

    KpiTraffic(
            long seed, String idPrefix, AnalyticsOrganisation organisation, Instant start, Duration span, int units) {
        if (!idPrefix.contains(BatchTemplates.CYCLE_MARK)) {
            throw new IllegalArgumentException("the id prefix must contain " + BatchTemplates.CYCLE_MARK);
        }
        this.seed = seed;
        this.idPrefix = idPrefix;
        this.organisation = organisation;
        this.start = start;
        this.span = span;
        this.units = units;
    }

    int units() {
        return units;
    }

    /** The events of unit {@code i}, in the order a platform publishes them. */
    List<EventPayload> unit(int i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        String brand = organisation.brandId();
        List<String> shops = organisation.shopIds();
        String shop = shops.get(random.nextInt(shops.size()));
        String vendor = organisation.vendorOfShop().get(shop);
        List<String> agents = organisation.agentsOfVendor().get(vendor);
        String agent = agents.get(random.nextInt(agents.size()));
        String engagement = organisation.engagementOf(vendor);
        String customer = "cust-" + idPrefix + "-" + i;
        String conversation = "conv-" + idPrefix + "-" + i;
        Texts texts = random.nextInt(10) < 7 ? Texts.CHINESE : Texts.ENGLISH;
        Instant startedAt = start.plusMillis(span.toMillis() * i / units + random.nextLong(1_000, 60_000));

        List<EventPayload> events = new ArrayList<>();
        events.add(new ConversationStarted(
                conversation, brand, vendor, shop, Channel.CHAT, customer, engagement, agent, startedAt));

        // Mostly alternating, sometimes the customer writes twice; some inquiries are never answered.
        boolean unanswered = random.nextInt(100) < 6;
        int messages = 4 + random.nextInt(13);
        Instant at = startedAt;
        Sender previous = null;
        Instant firstCustomer = null;
        Instant firstReply = null;
        int customerMessages = 0;
        int agentMessages = 0;
        int bursts = 0;
        int answeredBursts = 0;
        int slowBursts = 0;
        long totalResponse = 0;
        Instant burstStart = null;
        for (int m = 0; m < messages; m++) {
            Sender sender;
            if (m == 0 || unanswered) {
                sender = Sender.CUSTOMER;
            } else if (previous == Sender.CUSTOMER) {
                sender = random.nextInt(100) < 15 ? Sender.CUSTOMER : Sender.AGENT;
            } else {
                sender = random.nextInt(100) < 10 ? Sender.AGENT : Sender.CUSTOMER;
            }
            if (m > 0) {
                // Agents answer within 5-90 s (some beyond a 30 s threshold); customers take longer.
                at = at.plusSeconds(sender == Sender.AGENT ? 5 + random.nextInt(86) : 10 + random.nextInt(170));
            }
            if (sender == Sender.CUSTOMER) {
                customerMessages++;
                if (firstCustomer == null) {
                    firstCustomer = at;
                }
                if (previous != Sender.CUSTOMER) {
                    bursts++;
                    burstStart = at;
                }
            } else {
                agentMessages++;
                if (firstReply == null && firstCustomer != null) {
                    firstReply = at;
                }
                if (previous == Sender.CUSTOMER && burstStart != null) {
                    long seconds = Duration.between(burstStart, at).toSeconds();
                    answeredBursts++;
                    totalResponse += seconds;
                    if (seconds > 30) {
                        slowBursts++;
                    }
                }
            }
            List<String> pool = m < 2 ? texts.opening(sender) : texts.filler(sender);
            events.add(new MessageSent(
                    "msg-" + idPrefix + "-" + i + "-" + m,
                    conversation,
                    brand,
                    vendor,
                    shop,
                    Channel.CHAT,
                    customer,
                    sender,
                    sender == Sender.AGENT ? agent : null,
                    at,
                    pool.get(random.nextInt(pool.size())),
                    false));
            previous = sender;
        }
        Instant closedAt = at.plusSeconds(60 + random.nextInt(600));
        events.add(new ConversationClosed(
                conversation,
                brand,
                vendor,
                shop,
                Channel.CHAT,
                customer,
                engagement,
                startedAt,
                closedAt,
                unanswered ? ClosedBy.SYSTEM : ClosedBy.AGENT,
                firstCustomer,
                firstReply,
                firstReply == null
                        ? null
                        : Duration.between(firstCustomer, firstReply).toSeconds(),
                bursts,
                answeredBursts,
                slowBursts,
                30,
                totalResponse,
                agentMessages == 0 ? List.of() : List.of(agent),
                agentMessages == 0 ? null : agent,
                customerMessages,
                agentMessages,
                0));

        int roll = random.nextInt(100);
        if (roll < 35) {
            String order = "ord-" + idPrefix + "-" + i;
            Instant placedAt = closedAt.plusSeconds(random.nextInt(6 * 3600));
            BigDecimal amount = BigDecimal.valueOf(2_000 + random.nextInt(60_000), 2);
            events.add(new OrderChanged(
                    order, brand, shop, customer, OrderStatus.PLACED, placedAt, placedAt, amount, "CNY"));
            if (random.nextInt(100) < 80) {
                events.add(new OrderChanged(
                        order,
                        brand,
                        shop,
                        customer,
                        OrderStatus.PAID,
                        placedAt,
                        placedAt.plusSeconds(30 + random.nextInt(600)),
                        amount,
                        "CNY"));
            }
            if (random.nextInt(100) < 30) {
                events.add(new RatingReceived(
                        "rat-" + idPrefix + "-" + i,
                        brand,
                        shop,
                        customer,
                        order,
                        random.nextBoolean() ? conversation : null,
                        placedAt.plusSeconds(3 * 86_400),
                        3 + random.nextInt(3),
                        2 + random.nextInt(4),
                        3 + random.nextInt(3)));
            }
        }
        if (random.nextInt(100) < 20) {
            boolean abandoned = random.nextInt(100) < 8;
            Instant offeredAt = startedAt.plusSeconds(random.nextInt(3_600));
            long wait = abandoned ? 2 + random.nextInt(60) : random.nextInt(45);
            long talk = abandoned ? 0 : 60 + random.nextInt(600);
            long hold = abandoned ? 0 : random.nextInt(60);
            long wrap = abandoned ? 0 : 10 + random.nextInt(60);
            Instant answeredAt = abandoned ? null : offeredAt.plusSeconds(wait);
            events.add(new CallEnded(
                    "call-" + idPrefix + "-" + i,
                    brand,
                    vendor,
                    shop,
                    customer,
                    engagement,
                    abandoned ? null : agent,
                    CallDirection.INBOUND,
                    offeredAt,
                    answeredAt,
                    offeredAt.plusSeconds(wait + talk + hold),
                    wait,
                    talk,
                    hold,
                    wrap,
                    abandoned,
                    null));
        }
        if (random.nextInt(100) < 2) {
            String complaint = "cmp-" + idPrefix + "-" + i;
            String ticket = "tkt-" + idPrefix + "-" + i;
            Instant filedAt = closedAt.plusSeconds(600);
            Instant resolvedAt = filedAt.plusSeconds(600 + random.nextInt(2 * 86_400));
            events.add(new ComplaintFiled(
                    complaint,
                    ticket,
                    brand,
                    vendor,
                    shop,
                    customer,
                    conversation,
                    "delivery",
                    Severity.MEDIUM,
                    filedAt,
                    1_440));
            events.add(new ComplaintResolved(
                    complaint,
                    ticket,
                    brand,
                    vendor,
                    shop,
                    customer,
                    conversation,
                    "delivery",
                    Severity.MEDIUM,
                    filedAt,
                    resolvedAt,
                    1_440,
                    Duration.between(filedAt, resolvedAt).toMinutes() <= 1_440));
        }
        if (random.nextInt(100) < 2) {
            String callback = "cb-" + idPrefix + "-" + i;
            String ticket = "tkc-" + idPrefix + "-" + i;
            Instant scheduledAt = closedAt.plusSeconds(300);
            Instant dueAt = scheduledAt.plusSeconds(4 * 3_600);
            Instant doneAt = scheduledAt.plusSeconds(random.nextInt(6 * 3_600));
            events.add(new CallbackScheduled(callback, ticket, brand, vendor, customer, agent, scheduledAt, dueAt));
            events.add(new CallbackCompleted(
                    callback, ticket, brand, vendor, customer, agent, null, dueAt, doneAt, !doneAt.isAfter(dueAt)));
        }
        if (random.nextInt(100) < 3) {
            BigDecimal score = BigDecimal.valueOf(50 + random.nextInt(51));
            events.add(new EvaluationCompleted(
                    "qa-" + idPrefix + "-" + i,
                    brand,
                    vendor,
                    agent,
                    organisation.teamOfAgent().get(agent),
                    QaSubjectType.CONVERSATION,
                    conversation,
                    "scorecard-chat",
                    score,
                    BigDecimal.valueOf(100),
                    BigDecimal.valueOf(80),
                    false,
                    score.compareTo(BigDecimal.valueOf(80)) >= 0,
                    "reviewer-1",
                    closedAt.plusSeconds(86_400)));
        }
        return events;
    }
}

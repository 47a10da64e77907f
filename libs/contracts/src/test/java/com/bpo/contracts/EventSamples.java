package com.bpo.contracts;

import com.bpo.contracts.audit.AlertRaised;
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
import com.bpo.contracts.org.AgentChanged;
import com.bpo.contracts.org.Attribution;
import com.bpo.contracts.org.BrandChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.EngagementRole;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.Platform;
import com.bpo.contracts.org.ServiceWindow;
import com.bpo.contracts.org.ShopChanged;
import com.bpo.contracts.org.SlaTargets;
import com.bpo.contracts.org.TeamChanged;
import com.bpo.contracts.org.VendorChanged;
import com.bpo.contracts.pii.Actor;
import com.bpo.contracts.pii.PiiAccessed;
import com.bpo.contracts.pii.PiiSubjectType;
import com.bpo.contracts.qa.EvaluationCompleted;
import com.bpo.contracts.qa.QaSubjectType;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import com.bpo.contracts.ticket.TicketOpened;
import com.bpo.contracts.ticket.TicketStatus;
import com.bpo.contracts.ticket.TicketStatusChanged;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** One realistic payload of every event type: a zongzi brand on Tmall served by a vendor at the Dragon Boat peak. */
final class EventSamples {

    static final String BRAND = "brand-wufangzhai";
    static final String VENDOR = "vendor-hangzhou-cs";
    static final String SHOP = "shop-tmall-flagship";
    static final String CUSTOMER = "cust-7f3a";
    static final String AGENT = "agent-0042";
    static final String TEAM = "team-presales-a";
    static final String CONVERSATION = "conv-20260619-0001";
    static final Instant T0 = Instant.parse("2026-06-19T02:00:00Z");

    private EventSamples() {}

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    /** A sample for every type of the catalog, by type. */
    static Map<String, EventPayload> all() {
        Actor agentActor = new Actor("kc-user-42", "li.na", List.of("agent"), AGENT, "agent-console");
        return Map.ofEntries(
                Map.entry(EventTypes.BRAND_CHANGED, new BrandChanged(BRAND, "五芳斋", ZoneId.of("Asia/Shanghai"), true)),
                Map.entry(EventTypes.SHOP_CHANGED, new ShopChanged(SHOP, BRAND, Platform.TMALL, "五芳斋官方旗舰店", true)),
                Map.entry(EventTypes.VENDOR_CHANGED, new VendorChanged(VENDOR, "Hangzhou Customer Care", true)),
                Map.entry(EventTypes.TEAM_CHANGED, new TeamChanged(TEAM, VENDOR, "Pre-sales A", true)),
                Map.entry(
                        EventTypes.AGENT_CHANGED,
                        new AgentChanged(
                                AGENT, VENDOR, TEAM, "kc-user-42", "Li Na", List.of("zongzi", "gift-box"), 5, true)),
                Map.entry(
                        EventTypes.ENGAGEMENT_CHANGED,
                        new EngagementChanged(
                                "eng-1",
                                BRAND,
                                VENDOR,
                                List.of(SHOP, "shop-jd"),
                                List.of(Channel.CHAT, Channel.PHONE),
                                List.of(EngagementRole.PRE_SALES, EngagementRole.AFTER_SALES),
                                List.of(
                                        new ServiceWindow(
                                                List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                                LocalTime.of(9, 0),
                                                LocalTime.of(23, 30)),
                                        new ServiceWindow(
                                                List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                                                LocalTime.of(22, 0),
                                                LocalTime.of(2, 0))),
                                ZoneId.of("Asia/Shanghai"),
                                true,
                                Instant.parse("2026-05-01T00:00:00Z"),
                                null,
                                new SlaTargets(
                                        20, 30, new BigDecimal("0.98"), new BigDecimal("0.90"), null, null, 1440, null),
                                new KpiVariants(30, 2, Attribution.LAST_REPLIER, 20, 5))),
                Map.entry(
                        EventTypes.CONVERSATION_STARTED,
                        new ConversationStarted(
                                CONVERSATION, BRAND, VENDOR, SHOP, Channel.CHAT, CUSTOMER, "eng-1", AGENT, T0)),
                Map.entry(
                        EventTypes.MESSAGE_SENT,
                        new MessageSent(
                                "msg-1",
                                CONVERSATION,
                                BRAND,
                                VENDOR,
                                SHOP,
                                Channel.CHAT,
                                CUSTOMER,
                                Sender.AGENT,
                                AGENT,
                                at(12),
                                "您好，送到 138****5678 的订单今天发货",
                                true)),
                Map.entry(
                        EventTypes.CONVERSATION_CLOSED,
                        new ConversationClosed(
                                CONVERSATION,
                                BRAND,
                                VENDOR,
                                SHOP,
                                Channel.CHAT,
                                CUSTOMER,
                                "eng-1",
                                T0,
                                at(600),
                                ClosedBy.CUSTOMER,
                                at(1),
                                at(12),
                                11L,
                                3,
                                3,
                                1,
                                30,
                                59,
                                List.of(AGENT),
                                AGENT,
                                5,
                                4,
                                1)),
                Map.entry(
                        EventTypes.CALL_ENDED,
                        new CallEnded(
                                "call-9",
                                BRAND,
                                VENDOR,
                                null,
                                CUSTOMER,
                                "eng-1",
                                AGENT,
                                CallDirection.INBOUND,
                                T0,
                                at(14),
                                at(200),
                                14,
                                170,
                                16,
                                30,
                                false,
                                null)),
                Map.entry(
                        EventTypes.PII_ACCESSED,
                        new PiiAccessed(
                                "acc-1",
                                BRAND,
                                VENDOR,
                                agentActor,
                                "agent-service",
                                PiiSubjectType.CUSTOMER,
                                CUSTOMER,
                                CUSTOMER,
                                List.of("phone", "address"),
                                "arrange a replacement delivery",
                                "tkt-5",
                                at(30))),
                Map.entry(
                        EventTypes.COMPLAINT_FILED,
                        new ComplaintFiled(
                                "cmp-1",
                                "tkt-5",
                                BRAND,
                                VENDOR,
                                SHOP,
                                CUSTOMER,
                                CONVERSATION,
                                "LOGISTICS",
                                Severity.HIGH,
                                at(60),
                                1440)),
                Map.entry(
                        EventTypes.COMPLAINT_RESOLVED,
                        new ComplaintResolved(
                                "cmp-1",
                                "tkt-5",
                                BRAND,
                                VENDOR,
                                SHOP,
                                CUSTOMER,
                                CONVERSATION,
                                "LOGISTICS",
                                Severity.HIGH,
                                at(60),
                                at(7200),
                                1440,
                                true)),
                Map.entry(
                        EventTypes.TICKET_OPENED,
                        new TicketOpened(
                                "tkt-5",
                                BRAND,
                                VENDOR,
                                "COMPLAINT",
                                TicketStatus.OPEN,
                                CUSTOMER,
                                "cmp-1",
                                CONVERSATION,
                                null,
                                at(60),
                                at(60 + 86_400))),
                Map.entry(
                        EventTypes.TICKET_STATUS_CHANGED,
                        new TicketStatusChanged(
                                "tkt-5",
                                BRAND,
                                VENDOR,
                                "COMPLAINT",
                                TicketStatus.OPEN,
                                TicketStatus.HANDED_TO_BRAND,
                                AGENT,
                                "dept-logistics",
                                at(300),
                                at(60 + 86_400))),
                Map.entry(
                        EventTypes.CALLBACK_SCHEDULED,
                        new CallbackScheduled("cb-1", "tkt-5", BRAND, VENDOR, CUSTOMER, AGENT, at(7200), at(93_600))),
                Map.entry(
                        EventTypes.CALLBACK_COMPLETED,
                        new CallbackCompleted(
                                "cb-1",
                                "tkt-5",
                                BRAND,
                                VENDOR,
                                CUSTOMER,
                                AGENT,
                                "call-10",
                                at(93_600),
                                at(90_000),
                                true)),
                Map.entry(
                        EventTypes.EVALUATION_COMPLETED,
                        new EvaluationCompleted(
                                "eval-1",
                                BRAND,
                                VENDOR,
                                AGENT,
                                TEAM,
                                QaSubjectType.CONVERSATION,
                                CONVERSATION,
                                "scorecard-chat-v3",
                                new BigDecimal("87.5"),
                                new BigDecimal("100"),
                                new BigDecimal("80"),
                                false,
                                true,
                                "kc-user-reviewer-7",
                                at(86_400))),
                Map.entry(
                        EventTypes.ORDER_CHANGED,
                        new OrderChanged(
                                "order-1",
                                BRAND,
                                SHOP,
                                CUSTOMER,
                                OrderStatus.PAID,
                                at(700),
                                at(760),
                                new BigDecimal("268.00"),
                                "CNY")),
                Map.entry(
                        EventTypes.RATING_RECEIVED,
                        new RatingReceived(
                                "rating-1", BRAND, SHOP, CUSTOMER, "order-1", CONVERSATION, at(400_000), 5, 4, 3)),
                Map.entry(
                        EventTypes.ALERT_RAISED,
                        new AlertRaised(
                                "alert-1",
                                BRAND,
                                VENDOR,
                                "mass-reveal",
                                agentActor,
                                Severity.CRITICAL,
                                Duration.ofHours(1),
                                250,
                                100,
                                at(3600))));
    }

    static EventPayload of(String type) {
        EventPayload sample = all().get(type);
        if (sample == null) {
            throw new IllegalArgumentException("no sample for " + type);
        }
        return sample;
    }
}

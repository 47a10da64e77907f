package com.bpo.analytics.testing;

import com.bpo.contracts.Channel;
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
import com.bpo.contracts.qa.EvaluationCompleted;
import com.bpo.contracts.qa.QaSubjectType;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fact events with the fields KPI tests rarely care about filled in. */
public final class Facts {

    private Facts() {}

    public static MessageSent customer(
            String brand, String conversation, String id, String vendor, String shop, String customer, String at) {
        return message(brand, conversation, id, vendor, shop, customer, Sender.CUSTOMER, null, at);
    }

    public static MessageSent agent(
            String brand,
            String conversation,
            String id,
            String vendor,
            String shop,
            String customer,
            String agent,
            String at) {
        return message(brand, conversation, id, vendor, shop, customer, Sender.AGENT, agent, at);
    }

    public static MessageSent bot(
            String brand, String conversation, String id, String vendor, String shop, String customer, String at) {
        return message(brand, conversation, id, vendor, shop, customer, Sender.BOT, null, at);
    }

    public static MessageSent message(
            String brand,
            String conversation,
            String id,
            String vendor,
            String shop,
            String customer,
            Sender sender,
            String agent,
            String at) {
        return new MessageSent(
                id,
                conversation,
                brand,
                vendor,
                shop,
                Channel.CHAT,
                customer,
                sender,
                agent,
                Instant.parse(at),
                "text " + id,
                false);
    }

    public static ConversationClosed closed(String brand, String conversation, String vendor, String shop) {
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        return new ConversationClosed(
                conversation,
                brand,
                vendor,
                shop,
                Channel.CHAT,
                "customer",
                null,
                at,
                at,
                ClosedBy.SYSTEM,
                null,
                null,
                null,
                0,
                0,
                0,
                30,
                0,
                List.of(),
                null,
                0,
                0,
                0);
    }

    public static OrderChanged order(
            String brand, String id, String shop, String customer, OrderStatus status, String placedAt, String amount) {
        return new OrderChanged(
                id,
                brand,
                shop,
                customer,
                status,
                Instant.parse(placedAt),
                Instant.parse(placedAt),
                new BigDecimal(amount),
                "CNY");
    }

    public static RatingReceived rating(
            String brand,
            String id,
            String shop,
            String conversation,
            String at,
            int item,
            int service,
            int logistics) {
        return new RatingReceived(
                id, brand, shop, "customer", "order-" + id, conversation, Instant.parse(at), item, service, logistics);
    }

    public static CallEnded call(
            String brand,
            String id,
            String vendor,
            String shop,
            String agent,
            CallDirection direction,
            String offeredAt,
            long wait,
            long talk,
            long hold,
            long wrap,
            boolean abandoned) {
        Instant offered = Instant.parse(offeredAt);
        return new CallEnded(
                id,
                brand,
                vendor,
                shop,
                "customer",
                null,
                abandoned ? null : agent,
                direction,
                offered,
                abandoned ? null : offered.plusSeconds(wait),
                offered.plusSeconds(wait + talk + hold),
                wait,
                talk,
                hold,
                wrap,
                abandoned,
                null);
    }

    public static CallbackScheduled callbackScheduled(
            String brand, String id, String vendor, String agent, String dueAt) {
        return new CallbackScheduled(
                id,
                "ticket-" + id,
                brand,
                vendor,
                "customer",
                agent,
                Instant.parse(dueAt).minusSeconds(3600),
                Instant.parse(dueAt));
    }

    public static CallbackCompleted callbackCompleted(
            String brand, String id, String vendor, String agent, String dueAt, boolean onTime) {
        Instant due = Instant.parse(dueAt);
        return new CallbackCompleted(
                id,
                "ticket-" + id,
                brand,
                vendor,
                "customer",
                agent,
                null,
                due,
                onTime ? due.minusSeconds(60) : due.plusSeconds(60),
                onTime);
    }

    public static ComplaintFiled complaintFiled(String brand, String id, String vendor, String shop, String filedAt) {
        return new ComplaintFiled(
                id,
                "ticket-" + id,
                brand,
                vendor,
                shop,
                "customer",
                null,
                "LOGISTICS",
                Severity.MEDIUM,
                Instant.parse(filedAt),
                240);
    }

    public static ComplaintResolved complaintResolved(
            String brand, String id, String vendor, String shop, String filedAt, String resolvedAt, boolean withinSla) {
        return new ComplaintResolved(
                id,
                "ticket-" + id,
                brand,
                vendor,
                shop,
                "customer",
                null,
                "LOGISTICS",
                Severity.MEDIUM,
                Instant.parse(filedAt),
                Instant.parse(resolvedAt),
                240,
                withinSla);
    }

    public static EvaluationCompleted evaluation(
            String brand,
            String id,
            String vendor,
            String agent,
            QaSubjectType subject,
            String score,
            boolean passed,
            String at) {
        return new EvaluationCompleted(
                id,
                brand,
                vendor,
                agent,
                "team-of-event",
                subject,
                "subject-" + id,
                "scorecard-1",
                new BigDecimal(score),
                new BigDecimal("100"),
                new BigDecimal("80"),
                false,
                passed,
                "reviewer-1",
                Instant.parse(at));
    }

    /** A group as the API shows it: keys and values in pairs, a value may be null. */
    public static Map<String, String> group(String... keysAndValues) {
        Map<String, String> group = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            group.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return group;
    }

    /** The parameters of a query: names and values in pairs. */
    public static Map<String, String> params(String... namesAndValues) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    /** Whether a report has a row for {@code group}. */
    public static boolean hasRow(JsonPath report, Map<String, String> group) {
        return KpiApi.row(report, group) != null;
    }
}

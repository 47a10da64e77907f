package com.bpo.analytics.kpi.facts;

import com.bpo.contracts.Topics;
import com.bpo.contracts.call.CallEnded;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.commerce.RatingReceived;
import com.bpo.contracts.complaint.ComplaintFiled;
import com.bpo.contracts.complaint.ComplaintResolved;
import com.bpo.contracts.qa.EvaluationCompleted;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import com.bpo.kit.consumer.BatchConsumerSpec;
import com.bpo.kit.consumer.BatchConsumers;
import com.bpo.kit.messaging.IncomingEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the KPI fact tables from the platform's event topics: one row per natural key of every fact (messages,
 * conversations, orders, ratings, calls, callbacks, complaints, evaluations, closed conversations). The kit's batch
 * consumer stores each polled batch's rows and its offsets in one transaction, so a re-delivered record or a crash
 * changes nothing; each statement covers the whole batch.
 *
 * <p>A fact delivered again keeps the row it made first. Facts whose events come in parts (an order's statuses, a
 * callback scheduled and completed, a complaint filed and resolved) merge each part into their row, in whatever
 * order the parts arrive. The conversation facts are computed again from all stored messages of every conversation a
 * batch touched, so a late message corrects them.
 */
@ApplicationScoped
public class KpiFacts {

    /** The consumer's name: its consumer group, stored offsets and metrics tag. */
    public static final String CONSUMER = "kpi-facts";

    private static final String STORE_MESSAGES =
            """
            insert into kpi_message (brand_id, message_id, conversation_id, vendor_id, shop_id, channel, customer_id,
                                     sender, agent_id, sent_at)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::text[], $10::timestamptz[])
            on conflict do nothing
            """;

    // conversationFacts reads these columns by position.
    private static final String MESSAGES_OF_CONVERSATIONS =
            """
            select m.brand_id, m.conversation_id, m.message_id, m.vendor_id, m.shop_id, m.channel, m.customer_id,
                   m.sender, m.agent_id, m.sent_at
            from kpi_message m
            join unnest($1::text[], $2::text[]) as c(brand_id, conversation_id)
              on m.brand_id = c.brand_id and m.conversation_id = c.conversation_id
            """;

    private static final String STORE_CONVERSATIONS =
            """
            insert into kpi_conversation as c (brand_id, conversation_id, vendor_id, shop_id, channel, customer_id,
                                               inquiry_at, first_reply_at, first_response_seconds, responder_id,
                                               burst_count, burst_responses)
            select brand_id, conversation_id, vendor_id, shop_id, channel, customer_id, inquiry_at, first_reply_at,
                   first_response_seconds, responder_id, burst_count, burst_responses::bigint[]
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                        $8::timestamptz[], $9::bigint[], $10::text[], $11::int[], $12::text[])
                as f(brand_id, conversation_id, vendor_id, shop_id, channel, customer_id, inquiry_at, first_reply_at,
                     first_response_seconds, responder_id, burst_count, burst_responses)
            on conflict (brand_id, conversation_id) do update set
                vendor_id = excluded.vendor_id,
                shop_id = excluded.shop_id,
                channel = excluded.channel,
                customer_id = excluded.customer_id,
                inquiry_at = excluded.inquiry_at,
                first_reply_at = excluded.first_reply_at,
                first_response_seconds = excluded.first_response_seconds,
                responder_id = excluded.responder_id,
                burst_count = excluded.burst_count,
                burst_responses = excluded.burst_responses
            -- A message that changes nothing (a customer's second line in a burst, an agent's second reply) writes
            -- no new row version.
            where (c.vendor_id, c.shop_id, c.channel, c.customer_id, c.inquiry_at, c.first_reply_at,
                   c.first_response_seconds, c.responder_id, c.burst_count, c.burst_responses)
                  is distinct from
                  (excluded.vendor_id, excluded.shop_id, excluded.channel, excluded.customer_id, excluded.inquiry_at,
                   excluded.first_reply_at, excluded.first_response_seconds, excluded.responder_id,
                   excluded.burst_count, excluded.burst_responses)
            """;

    private static final String STORE_CLOSED =
            """
            insert into kpi_conversation_closed (brand_id, conversation_id)
            select * from unnest($1::text[], $2::text[])
            on conflict do nothing
            """;

    // The first delivery of each status wins; the shop, customer and placedAt of any status agree.
    private static final String STORE_ORDERS =
            """
            insert into kpi_order as o (brand_id, order_id, shop_id, customer_id, placed_at, placed_amount,
                                        paid_amount, refunded_amount)
            select brand_id, order_id, shop_id, customer_id, placed_at, placed::numeric, paid::numeric,
                   refunded::numeric
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[],
                        $8::text[])
                as x(brand_id, order_id, shop_id, customer_id, placed_at, placed, paid, refunded)
            on conflict (brand_id, order_id) do update set
                placed_amount = coalesce(o.placed_amount, excluded.placed_amount),
                paid_amount = coalesce(o.paid_amount, excluded.paid_amount),
                refunded_amount = coalesce(o.refunded_amount, excluded.refunded_amount)
            """;

    private static final String STORE_RATINGS =
            """
            insert into kpi_rating (brand_id, rating_id, shop_id, conversation_id, rated_at, item_score,
                                    service_score, logistics_score)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[],
                                 $7::int[], $8::int[])
            on conflict do nothing
            """;

    private static final String STORE_CALLS =
            """
            insert into kpi_call (brand_id, call_id, vendor_id, shop_id, agent_id, direction, offered_at, abandoned,
                                  wait_seconds, talk_seconds, hold_seconds, wrap_seconds)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                 $7::timestamptz[], $8::boolean[], $9::bigint[], $10::bigint[], $11::bigint[],
                                 $12::bigint[])
            on conflict do nothing
            """;

    private static final String STORE_CALLBACKS =
            """
            insert into kpi_callback as c (brand_id, callback_id, vendor_id, due_at, scheduled_agent_id,
                                           completed_agent_id, completed, on_time)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[],
                                 $7::boolean[], $8::boolean[])
            on conflict (brand_id, callback_id) do update set
                vendor_id = coalesce(c.vendor_id, excluded.vendor_id),
                scheduled_agent_id = coalesce(c.scheduled_agent_id, excluded.scheduled_agent_id),
                completed_agent_id = case when c.completed then c.completed_agent_id
                                          else excluded.completed_agent_id end,
                on_time = case when c.completed then c.on_time else excluded.on_time end,
                completed = c.completed or excluded.completed
            """;

    private static final String STORE_COMPLAINTS =
            """
            insert into kpi_complaint as c (brand_id, complaint_id, vendor_id, shop_id, filed_at, resolved_at,
                                            within_sla)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[],
                                 $6::timestamptz[], $7::boolean[])
            on conflict (brand_id, complaint_id) do update set
                vendor_id = coalesce(c.vendor_id, excluded.vendor_id),
                shop_id = coalesce(c.shop_id, excluded.shop_id),
                resolved_at = coalesce(c.resolved_at, excluded.resolved_at),
                within_sla = coalesce(c.within_sla, excluded.within_sla)
            """;

    private static final String STORE_EVALUATIONS =
            """
            insert into kpi_evaluation (brand_id, evaluation_id, vendor_id, agent_id, subject_type, score, passed,
                                        evaluated_at)
            select brand_id, evaluation_id, vendor_id, agent_id, subject_type, score::numeric, passed,
                   evaluated_at
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[],
                        $8::timestamptz[])
                as e(brand_id, evaluation_id, vendor_id, agent_id, subject_type, score, passed, evaluated_at)
            on conflict do nothing
            """;

    private final BatchConsumers consumers;
    private final int maxBatchSize;
    private final int consumerThreads;

    KpiFacts(
            BatchConsumers consumers,
            @ConfigProperty(name = "bpo.kpi.facts.max-batch-size", defaultValue = "2000") int maxBatchSize,
            @ConfigProperty(name = "bpo.kpi.facts.consumers", defaultValue = "1") int consumerThreads) {
        this.consumers = consumers;
        this.maxBatchSize = maxBatchSize;
        this.consumerThreads = consumerThreads;
    }

    /**
     * Starts {@code bpo.kpi.facts.consumers} consumers of one group, each with its share of the partitions, so that
     * one batch's database round trips overlap another's decoding. Every fact's events share a key (its aggregate
     * id), so one conversation's messages are never applied by two transactions at once.
     */
    void start(@Observes StartupEvent startup) {
        for (int i = 0; i < consumerThreads; i++) {
            consumers.start(spec(), this::apply);
        }
    }

    /**
     * The consumer's spec. Schemas are checked: these topics are written by other services, and a record that breaks
     * its contract (a missing time, a wrong enum) must go to the dead-letter topic rather than become a fact with
     * holes that silently changes KPIs.
     */
    BatchConsumerSpec spec() {
        return new BatchConsumerSpec(CONSUMER, Topics.KPI_SOURCES, maxBatchSize, true);
    }

    /** Stores one batch; runs inside the batch's transaction with every brand visible. */
    Uni<Void> apply(SqlConnection transaction, List<IncomingEvent> events) {
        Batch batch = new Batch();
        for (IncomingEvent event : events) {
            batch.add(event.payload());
        }
        return storeMessages(transaction, List.copyOf(batch.messages.values()))
                .chain(() -> execute(transaction, STORE_CLOSED, closed(List.copyOf(batch.closed.values()))))
                .chain(() -> execute(transaction, STORE_ORDERS, orders(batch.orders.values())))
                .chain(() -> execute(transaction, STORE_RATINGS, ratings(List.copyOf(batch.ratings.values()))))
                .chain(() -> execute(transaction, STORE_CALLS, calls(List.copyOf(batch.calls.values()))))
                .chain(() -> execute(transaction, STORE_CALLBACKS, callbacks(batch.callbacks.values())))
                .chain(() -> execute(transaction, STORE_COMPLAINTS, complaints(batch.complaints.values())))
                .chain(() ->
                        execute(transaction, STORE_EVALUATIONS, evaluations(List.copyOf(batch.evaluations.values()))));
    }

    private static Uni<Void> execute(SqlConnection transaction, String sql, Tuple parameters) {
        if (parameters == null) {
            return Uni.createFrom().voidItem();
        }
        return transaction.preparedQuery(sql).execute(parameters).replaceWithVoid();
    }

    private Uni<Void> storeMessages(SqlConnection transaction, List<MessageSent> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<ConversationKey, Boolean> touched = new LinkedHashMap<>();
        messages.forEach(m -> touched.put(new ConversationKey(m.brandId(), m.conversationId()), true));
        Tuple stored = Tuple.from(List.of(
                column(messages, MessageSent::brandId),
                column(messages, MessageSent::messageId),
                column(messages, MessageSent::conversationId),
                column(messages, MessageSent::vendorId),
                column(messages, MessageSent::shopId),
                column(messages, m -> m.channel().name()),
                column(messages, MessageSent::customerId),
                column(messages, m -> m.sender().name()),
                column(messages, MessageSent::agentId),
                times(messages, MessageSent::sentAt)));
        List<ConversationKey> keys = List.copyOf(touched.keySet());
        Tuple conversations = Tuple.of(
                keys.stream().map(ConversationKey::brandId).toArray(String[]::new),
                keys.stream().map(ConversationKey::conversationId).toArray(String[]::new));
        // The messages stored before this batch are read first and the batch's own added in Java: PostgreSQL then
        // returns only what it had, not the batch's rows it has just written.
        return transaction
                .preparedQuery(MESSAGES_OF_CONVERSATIONS)
                .execute(conversations)
                .chain(storedBefore -> transaction
                        .preparedQuery(STORE_MESSAGES)
                        .execute(stored)
                        .chain(() ->
                                execute(transaction, STORE_CONVERSATIONS, conversationFacts(storedBefore, messages))));
    }

    private static Tuple conversationFacts(Iterable<Row> storedBefore, List<MessageSent> batch) {
        Map<ConversationKey, List<StoredMessage>> byConversation = new LinkedHashMap<>();
        // By position, in the order of MESSAGES_OF_CONVERSATIONS: a look-up by name hashes it for every value.
        for (Row row : storedBefore) {
            byConversation
                    .computeIfAbsent(new ConversationKey(row.getString(0), row.getString(1)), key -> new ArrayList<>())
                    .add(new StoredMessage(
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            Sender.valueOf(row.getString(7)),
                            row.getString(8),
                            row.getOffsetDateTime(9).toInstant()));
        }
        for (MessageSent message : batch) {
            List<StoredMessage> conversation = byConversation.computeIfAbsent(
                    new ConversationKey(message.brandId(), message.conversationId()), key -> new ArrayList<>());
            // A repeat of a stored message is not stored again (on conflict do nothing): the stored one counts.
            if (!containsMessage(conversation, message.messageId())) {
                conversation.add(new StoredMessage(
                        message.messageId(),
                        message.vendorId(),
                        message.shopId(),
                        message.channel().name(),
                        message.customerId(),
                        message.sender(),
                        message.agentId(),
                        message.sentAt()));
            }
        }
        if (byConversation.isEmpty()) {
            return null;
        }
        List<ConversationKey> keys = List.copyOf(byConversation.keySet());
        List<ConversationFacts> facts = keys.stream()
                .map(key -> ConversationFacts.of(byConversation.get(key)))
                .toList();
        return Tuple.from(List.of(
                column(keys, ConversationKey::brandId),
                column(keys, ConversationKey::conversationId),
                column(facts, ConversationFacts::vendorId),
                column(facts, ConversationFacts::shopId),
                column(facts, ConversationFacts::channel),
                column(facts, ConversationFacts::customerId),
                times(facts, ConversationFacts::inquiryAt),
                times(facts, ConversationFacts::firstReplyAt),
                facts.stream().map(ConversationFacts::firstResponseSeconds).toArray(Long[]::new),
                column(facts, ConversationFacts::responderId),
                facts.stream().map(ConversationFacts::burstCount).toArray(Integer[]::new),
                // Arrays of arrays do not unnest row by row: each row's responses travel as an array literal.
                column(facts, f -> f.burstResponses().stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining(",", "{", "}")))));
    }

    private static boolean containsMessage(List<StoredMessage> conversation, String messageId) {
        for (StoredMessage stored : conversation) {
            if (stored.messageId().equals(messageId)) {
                return true;
            }
        }
        return false;
    }

    private static Tuple closed(List<ConversationClosed> closed) {
        if (closed.isEmpty()) {
            return null;
        }
        return Tuple.of(
                column(closed, ConversationClosed::brandId), column(closed, ConversationClosed::conversationId));
    }

    private static Tuple orders(Collection<OrderRow> merged) {
        if (merged.isEmpty()) {
            return null;
        }
        List<OrderRow> orders = List.copyOf(merged);
        return Tuple.from(List.of(
                column(orders, OrderRow::brandId),
                column(orders, OrderRow::orderId),
                column(orders, OrderRow::shopId),
                column(orders, OrderRow::customerId),
                times(orders, OrderRow::placedAt),
                column(orders, OrderRow::placed),
                column(orders, OrderRow::paid),
                column(orders, OrderRow::refunded)));
    }

    private static Tuple ratings(List<RatingReceived> ratings) {
        if (ratings.isEmpty()) {
            return null;
        }
        return Tuple.from(List.of(
                column(ratings, RatingReceived::brandId),
                column(ratings, RatingReceived::ratingId),
                column(ratings, RatingReceived::shopId),
                column(ratings, RatingReceived::conversationId),
                times(ratings, RatingReceived::ratedAt),
                ratings.stream().map(RatingReceived::itemScore).toArray(Integer[]::new),
                ratings.stream().map(RatingReceived::serviceScore).toArray(Integer[]::new),
                ratings.stream().map(RatingReceived::logisticsScore).toArray(Integer[]::new)));
    }

    private static Tuple calls(List<CallEnded> calls) {
        if (calls.isEmpty()) {
            return null;
        }
        return Tuple.from(List.of(
                column(calls, CallEnded::brandId),
                column(calls, CallEnded::callId),
                column(calls, CallEnded::vendorId),
                column(calls, CallEnded::shopId),
                column(calls, CallEnded::agentId),
                column(calls, c -> c.direction().name()),
                times(calls, CallEnded::offeredAt),
                calls.stream().map(CallEnded::abandoned).toArray(Boolean[]::new),
                calls.stream().map(CallEnded::waitSeconds).toArray(Long[]::new),
                calls.stream().map(CallEnded::talkSeconds).toArray(Long[]::new),
                calls.stream().map(CallEnded::holdSeconds).toArray(Long[]::new),
                calls.stream().map(CallEnded::wrapSeconds).toArray(Long[]::new)));
    }

    private static Tuple callbacks(Collection<CallbackRow> merged) {
        if (merged.isEmpty()) {
            return null;
        }
        List<CallbackRow> callbacks = List.copyOf(merged);
        return Tuple.from(List.of(
                column(callbacks, CallbackRow::brandId),
                column(callbacks, CallbackRow::callbackId),
                column(callbacks, CallbackRow::vendorId),
                times(callbacks, CallbackRow::dueAt),
                column(callbacks, CallbackRow::scheduledAgentId),
                column(callbacks, CallbackRow::completedAgentId),
                callbacks.stream().map(CallbackRow::completed).toArray(Boolean[]::new),
                callbacks.stream().map(CallbackRow::onTime).toArray(Boolean[]::new)));
    }

    private static Tuple complaints(Collection<ComplaintRow> merged) {
        if (merged.isEmpty()) {
            return null;
        }
        List<ComplaintRow> complaints = List.copyOf(merged);
        return Tuple.from(List.of(
                column(complaints, ComplaintRow::brandId),
                column(complaints, ComplaintRow::complaintId),
                column(complaints, ComplaintRow::vendorId),
                column(complaints, ComplaintRow::shopId),
                times(complaints, ComplaintRow::filedAt),
                times(complaints, ComplaintRow::resolvedAt),
                complaints.stream().map(ComplaintRow::withinSla).toArray(Boolean[]::new)));
    }

    private static Tuple evaluations(List<EvaluationCompleted> evaluations) {
        if (evaluations.isEmpty()) {
            return null;
        }
        return Tuple.from(List.of(
                column(evaluations, EvaluationCompleted::brandId),
                column(evaluations, EvaluationCompleted::evaluationId),
                column(evaluations, EvaluationCompleted::vendorId),
                column(evaluations, EvaluationCompleted::agentId),
                column(evaluations, e -> e.subjectType().name()),
                column(evaluations, e -> e.score().toPlainString()),
                evaluations.stream().map(EvaluationCompleted::passed).toArray(Boolean[]::new),
                times(evaluations, EvaluationCompleted::at)));
    }

    // Plain loops: these build every column of every batch, and a stream per column showed in the profile.
    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    private static <T> OffsetDateTime[] times(List<T> rows, Function<T, Instant> value) {
        OffsetDateTime[] column = new OffsetDateTime[rows.size()];
        for (int i = 0; i < column.length; i++) {
            Instant instant = value.apply(rows.get(i));
            column[i] = instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return column;
    }

    private record ConversationKey(String brandId, String conversationId) {}

    private record FactKey(String brandId, String id) {}

    /** The key of {@code kpi_message}: a repeat within the batch is the same row as a repeat across batches. */
    private record MessageKey(String brandId, String conversationId, String messageId) {}

    /**
     * The batch's events by kind and natural key. A fact repeated within the batch keeps its first delivery (one
     * statement may touch a row once, and dropping the repeats here spares PostgreSQL a sort); parts of one fact are
     * merged.
     */
    private static final class Batch {
        final Map<MessageKey, MessageSent> messages = new LinkedHashMap<>();
        final Map<FactKey, ConversationClosed> closed = new LinkedHashMap<>();
        final Map<FactKey, OrderRow> orders = new LinkedHashMap<>();
        final Map<FactKey, RatingReceived> ratings = new LinkedHashMap<>();
        final Map<FactKey, CallEnded> calls = new LinkedHashMap<>();
        final Map<FactKey, CallbackRow> callbacks = new LinkedHashMap<>();
        final Map<FactKey, ComplaintRow> complaints = new LinkedHashMap<>();
        final Map<FactKey, EvaluationCompleted> evaluations = new LinkedHashMap<>();

        void add(Object payload) {
            if (payload instanceof MessageSent message) {
                messages.putIfAbsent(
                        new MessageKey(message.brandId(), message.conversationId(), message.messageId()), message);
            } else if (payload instanceof ConversationClosed close) {
                closed.putIfAbsent(new FactKey(close.brandId(), close.conversationId()), close);
            } else if (payload instanceof OrderChanged order) {
                orders.merge(new FactKey(order.brandId(), order.orderId()), OrderRow.of(order), OrderRow::merge);
            } else if (payload instanceof RatingReceived rating) {
                ratings.putIfAbsent(new FactKey(rating.brandId(), rating.ratingId()), rating);
            } else if (payload instanceof CallEnded call) {
                calls.putIfAbsent(new FactKey(call.brandId(), call.callId()), call);
            } else if (payload instanceof CallbackScheduled scheduled) {
                callbacks.merge(
                        new FactKey(scheduled.brandId(), scheduled.callbackId()),
                        CallbackRow.of(scheduled),
                        CallbackRow::merge);
            } else if (payload instanceof CallbackCompleted completed) {
                callbacks.merge(
                        new FactKey(completed.brandId(), completed.callbackId()),
                        CallbackRow.of(completed),
                        CallbackRow::merge);
            } else if (payload instanceof ComplaintFiled filed) {
                complaints.merge(
                        new FactKey(filed.brandId(), filed.complaintId()), ComplaintRow.of(filed), ComplaintRow::merge);
            } else if (payload instanceof ComplaintResolved resolved) {
                complaints.merge(
                        new FactKey(resolved.brandId(), resolved.complaintId()),
                        ComplaintRow.of(resolved),
                        ComplaintRow::merge);
            } else if (payload instanceof EvaluationCompleted evaluation) {
                evaluations.putIfAbsent(new FactKey(evaluation.brandId(), evaluation.evaluationId()), evaluation);
            }
            // ConversationStarted, tickets and the rest of these topics carry nothing a KPI needs.
        }
    }
}

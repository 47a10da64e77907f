package com.bpo.agent.chat;

import com.bpo.contracts.Channel;
import com.bpo.contracts.chat.ClosedBy;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.contracts.chat.Sender;
import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.outbox.OutboxWriter;
import com.bpo.kit.tenant.Principal;
import com.bpo.kit.tenant.TenantConnections;
import com.bpo.kit.tenant.TenantScope;
import com.bpo.kit.tenant.TenantScopes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends conversations and publishes their facts ({@code ConversationClosed}, through the outbox, in the transaction
 * that closes the row): on request, after an idle time without messages, and again when a message arrives late for a
 * closed conversation (the facts are then recomputed and published anew; the latest event of a conversation holds its
 * complete facts).
 */
@ApplicationScoped
public class ConversationClosing {

    /** The threshold used when the conversation's engagement is unknown: ARCHITECTURE's default of 30 seconds. */
    static final int DEFAULT_RESPONSE_THRESHOLD_SECONDS = 30;

    private static final String CONVERSATION_COLUMNS = "c.brand_id, c.conversation_id, c.vendor_id, c.shop_id,"
            + " c.customer_id, c.engagement_id, c.status, c.closed_at, c.closed_by, c.facts_revision,"
            + " coalesce((select e.response_threshold_seconds from engagement e where e.id = c.engagement_id), "
            + DEFAULT_RESPONSE_THRESHOLD_SECONDS + ") as response_threshold_seconds";

    private static final String UPDATE_CLOSED = "update conversation set status = 'CLOSED', closed_at = $3,"
            + " closed_by = $4, facts_revision = facts_revision + 1, facts_stale = false,"
            + " started_at = $5, last_message_at = $6,"
            + " first_response_seconds = $7, bursts = $8, answered_bursts = $9, slow_bursts = $10,"
            + " total_response_seconds = $11, response_threshold_seconds = $12, last_agent_id = $13,"
            + " customer_messages = $14, agent_messages = $15, bot_messages = $16"
            + " where brand_id = $1 and conversation_id = $2";

    private final TenantScopes scopes;
    private final TenantConnections connections;
    private final OutboxWriter outbox;
    private final Vertx vertx;
    private final Duration idleTime;
    private final Duration sweepInterval;
    private final int sweepBatch;
    private final Counter closedIdle;
    private final Counter republished;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private long timer = -1;

    ConversationClosing(
            TenantScopes scopes,
            TenantConnections connections,
            OutboxWriter outbox,
            Vertx vertx,
            MeterRegistry registry,
            @ConfigProperty(name = "bpo.chat.idle-close", defaultValue = "PT30M") Duration idleTime,
            @ConfigProperty(name = "bpo.chat.closing.interval", defaultValue = "PT10S") Duration sweepInterval,
            @ConfigProperty(name = "bpo.chat.closing.batch-size", defaultValue = "500") int sweepBatch) {
        this.scopes = scopes;
        this.connections = connections;
        this.outbox = outbox;
        this.vertx = vertx;
        this.idleTime = idleTime;
        this.sweepInterval = sweepInterval;
        this.sweepBatch = sweepBatch;
        this.closedIdle = Counter.builder("bpo.chat.conversations.closed-idle")
                .description("Conversations closed by the idle timeout")
                .register(registry);
        this.republished = Counter.builder("bpo.chat.conversations.facts-republished")
                .description("Closed conversations whose facts were published again after a late message")
                .register(registry);
    }

    /**
     * Closes a conversation for the current caller and answers the facts as published; an already closed
     * conversation answers its current facts and is not closed again.
     *
     * @return the facts, or a null item when the conversation is not visible to the caller
     */
    public Uni<ConversationClosed> close(String requestedBrandId, String conversationId, CloseRequest request) {
        Principal principal = scopes.principal();
        return scopes.current().chain(scope -> {
            String brandId = scope.selectBrand(requestedBrandId);
            if (brandId == null) {
                return Uni.createFrom().nullItem();
            }
            // Microseconds: what PostgreSQL keeps, so the answer and the stored row say the same.
            Instant closedAt = (request == null || request.closedAt() == null
                            ? Instant.now()
                            : request.closedAt().toInstant())
                    .truncatedTo(ChronoUnit.MICROS);
            ClosedBy closedBy = request != null && request.closedBy() != null
                    ? request.closedBy()
                    : principal.agentId() != null ? ClosedBy.AGENT : ClosedBy.SYSTEM;
            return connections.inScope(scope, transaction -> lockVisible(transaction, scope, brandId, conversationId)
                    .chain(conversation -> {
                        if (conversation == null) {
                            return Uni.createFrom().nullItem();
                        }
                        if (conversation.getString("status").equals("CLOSED")) {
                            return facts(transaction, conversation)
                                    .map(facts -> closed(
                                            conversation,
                                            conversation
                                                    .getOffsetDateTime("closed_at")
                                                    .toInstant(),
                                            ClosedBy.valueOf(conversation.getString("closed_by")),
                                            facts));
                        }
                        if (closedAt.isBefore(
                                conversation.getOffsetDateTime("started_at").toInstant())) {
                            return Uni.createFrom()
                                    .failure(ProblemException.invalid(
                                            "A conversation cannot close before it started",
                                            FieldError.of("closedAt", "before the conversation's first message")));
                        }
                        return finish(transaction, conversation, closedAt, closedBy);
                    }));
        });
    }

    private Uni<Row> lockVisible(SqlConnection transaction, TenantScope scope, String brandId, String conversationId) {
        return transaction
                .preparedQuery("select " + CONVERSATION_COLUMNS + ", c.started_at from conversation c"
                        + " where c.brand_id = $1 and c.conversation_id = $2 for update")
                .execute(Tuple.of(brandId, conversationId))
                .chain(rows -> {
                    Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    if (row == null || !scope.allows(brandId, row.getString("vendor_id"), null)) {
                        return Uni.createFrom().nullItem();
                    }
                    if (scope.agentId() == null) {
                        return Uni.createFrom().item(row);
                    }
                    return transaction
                            .preparedQuery("select 1 from conversation_agent"
                                    + " where brand_id = $1 and conversation_id = $2 and agent_id = $3")
                            .execute(Tuple.of(brandId, conversationId, scope.agentId()))
                            .map(took -> took.size() > 0 ? row : null);
                });
    }

    /** Computes the facts from the stored messages, closes the row and writes the event, in the open transaction. */
    private Uni<ConversationClosed> finish(
            SqlConnection transaction, Row conversation, Instant closedAt, ClosedBy closedBy) {
        return facts(transaction, conversation).chain(facts -> {
            ConversationClosed event = closed(conversation, closedAt, closedBy, facts);
            // Arrays.asList: a conversation never answered has no first response, and List.of refuses nulls.
            Tuple update = Tuple.from(Arrays.asList(
                    event.brandId(),
                    event.conversationId(),
                    OffsetDateTime.ofInstant(closedAt, ZoneOffset.UTC),
                    closedBy.name(),
                    OffsetDateTime.ofInstant(facts.startedAt(), ZoneOffset.UTC),
                    OffsetDateTime.ofInstant(facts.lastMessageAt(), ZoneOffset.UTC),
                    facts.firstResponseSeconds(),
                    facts.bursts(),
                    facts.answeredBursts(),
                    facts.slowBursts(),
                    facts.totalResponseSeconds(),
                    facts.responseThresholdSeconds(),
                    facts.lastAgentId(),
                    facts.customerMessages(),
                    facts.agentMessages(),
                    facts.botMessages()));
            return transaction
                    .preparedQuery(UPDATE_CLOSED)
                    .execute(update)
                    .chain(() -> outbox.enqueueAll(
                            transaction,
                            List.of(OutgoingEvent.of(event)
                                    .withBrand(event.brandId())
                                    .withVendor(event.vendorId())
                                    .withTime(closedAt))))
                    .replaceWith(event);
        });
    }

    private static Uni<ConversationFacts> facts(SqlConnection transaction, Row conversation) {
        return transaction
                .preparedQuery("select message_id, sender, agent_id, sent_at from message"
                        + " where brand_id = $1 and conversation_id = $2")
                .execute(Tuple.of(conversation.getString("brand_id"), conversation.getString("conversation_id")))
                .map(rows -> {
                    List<ConversationFacts.Line> lines = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        lines.add(new ConversationFacts.Line(
                                row.getString("message_id"),
                                Sender.valueOf(row.getString("sender")),
                                row.getString("agent_id"),
                                row.getOffsetDateTime("sent_at").toInstant()));
                    }
                    return ConversationFacts.of(lines, conversation.getInteger("response_threshold_seconds"));
                });
    }

    private static ConversationClosed closed(
            Row conversation, Instant closedAt, ClosedBy closedBy, ConversationFacts facts) {
        return new ConversationClosed(
                conversation.getString("conversation_id"),
                conversation.getString("brand_id"),
                conversation.getString("vendor_id"),
                conversation.getString("shop_id"),
                Channel.CHAT,
                conversation.getString("customer_id"),
                conversation.getString("engagement_id"),
                facts.startedAt(),
                closedAt,
                closedBy,
                facts.firstCustomerMessageAt(),
                facts.firstAgentReplyAt(),
                facts.firstResponseSeconds(),
                facts.bursts(),
                facts.answeredBursts(),
                facts.slowBursts(),
                facts.responseThresholdSeconds(),
                facts.totalResponseSeconds(),
                facts.agentIds(),
                facts.lastAgentId(),
                facts.customerMessages(),
                facts.agentMessages(),
                facts.botMessages());
    }

    void startSweeping(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(sweepInterval.toMillis(), id -> sweep());
    }

    void stopSweeping(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * One round of the idle close and of the facts of late messages, across every brand. Rows are claimed with
     * {@code skip locked}, so instances share the work and a conversation being closed by request is left alone.
     */
    Uni<Integer> sweepOnce() {
        Instant idleBefore = Instant.now().minus(idleTime);
        return connections.forPlatform(transaction -> transaction
                .preparedQuery("select " + CONVERSATION_COLUMNS + ", c.started_at, c.last_message_at"
                        + " from conversation c where ((c.status = 'OPEN' and c.last_message_at < $1) or c.facts_stale)"
                        // A row without messages has no facts to publish; the table builder never makes one.
                        + " and exists (select 1 from message m"
                        + " where m.brand_id = c.brand_id and m.conversation_id = c.conversation_id)"
                        + " order by c.last_message_at limit $2 for update skip locked")
                .execute(Tuple.of(OffsetDateTime.ofInstant(idleBefore, ZoneOffset.UTC), sweepBatch))
                .chain(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    return Multi.createFrom()
                            .iterable(due)
                            .onItem()
                            .transformToUniAndConcatenate(row -> sweep(transaction, row))
                            .collect()
                            .asList()
                            .map(List::size);
                }));
    }

    private Uni<ConversationClosed> sweep(SqlConnection transaction, Row conversation) {
        if (conversation.getString("status").equals("CLOSED")) {
            republished.increment();
            return finish(
                    transaction,
                    conversation,
                    conversation.getOffsetDateTime("closed_at").toInstant(),
                    ClosedBy.valueOf(conversation.getString("closed_by")));
        }
        closedIdle.increment();
        Instant closedAt =
                conversation.getOffsetDateTime("last_message_at").toInstant().plus(idleTime);
        return finish(transaction, conversation, closedAt, ClosedBy.SYSTEM);
    }

    private void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        sweepOnce()
                .eventually(() -> sweeping.set(false))
                .subscribe()
                .with(
                        count -> {
                            if (count > 0) {
                                Log.debugf("Closed or refreshed %d conversations", count);
                            }
                        },
                        failure -> Log.warnf(failure, "Closing idle conversations failed; the next round retries"));
    }
}

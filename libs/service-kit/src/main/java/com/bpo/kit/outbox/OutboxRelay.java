package com.bpo.kit.outbox;

import com.bpo.contracts.EventEnvelope;
import com.bpo.kit.messaging.CloudEventRecords;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.RetentionSweep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes committed outbox rows to Kafka, in id order, and marks them sent (ARCHITECTURE section 4).
 *
 * <p>Each round is one database transaction: it takes a transaction-level advisory lock so that one relay instance
 * publishes at a time (which keeps the order per key across instances), reads up to a batch of unsent rows in id
 * order, sends them as binary CloudEvents through the idempotent {@link EventProducer}, waits for every
 * acknowledgement, marks the rows sent and commits. If anything fails, the transaction rolls back and the rows are
 * published again in a later round: at least once, never lost; a crash between publishing and marking leaves exactly
 * that state, and consumers drop the duplicate by its {@code ce_id}.
 *
 * <p>Rounds run one after the other on Vert.x timers, never blocking the event loop: after a full batch the next
 * round starts at once, otherwise after {@code bpo.outbox.relay.interval}; after failures the pause grows up to
 * {@code bpo.outbox.relay.max-backoff}. Metrics: {@code bpo.outbox.backlog} (unsent rows seen by the last round) and
 * {@code bpo.outbox.published}.
 */
@Singleton
public class OutboxRelay {

    // Any fixed number no other advisory lock of the database uses: "kit_out" in ASCII.
    static final long RELAY_LOCK = 0x6B69745F6F7574L;

    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock($1)";
    private static final String SELECT_UNSENT = "select id, event_id, topic, message_key, ce_type, ce_source,"
            + " ce_subject, ce_time, brand_id, vendor_id, payload, headers"
            + " from kit_outbox where sent_at is null order by id limit $1";
    private static final String MARK_SENT = "update kit_outbox set sent_at = now() where id = any($1)";
    private static final String COUNT_UNSENT = "select count(*) from kit_outbox where sent_at is null";
    private static final String DELETE_EXPIRED = "delete from kit_outbox where id in (select id from kit_outbox"
            + " where sent_at < now() - make_interval(secs => $1::bigint) order by sent_at limit $2)";

    private final Pool pool;
    private final EventProducer producer;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final RetentionSweep sweep;

    // Test seam: runs after the broker acknowledged a round's records and before they are marked sent.
    private volatile Consumer<List<ProducerRecord<String, byte[]>>> afterPublish = records -> {};

    private boolean running;
    private boolean roundInProgress;
    private long nextRoundTimer = -1;
    private int failuresInARow;

    OutboxRelay(Pool pool, EventProducer producer, OutboxConfig config, Vertx vertx, MeterRegistry registry) {
        this.pool = pool;
        this.producer = producer;
        this.config = config;
        this.vertx = vertx;
        this.sweep = new RetentionSweep(pool, DELETE_EXPIRED, config.retention(), "sent outbox rows");
        Gauge.builder("bpo.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published, as seen by the last relay round")
                .register(registry);
        this.published = Counter.builder("bpo.outbox.published")
                .description("Outbox rows published to Kafka and marked sent")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relay().enabled()) {
            Log.info("Outbox relay disabled on this instance (bpo.outbox.relay.enabled=false)");
            return;
        }
        synchronized (this) {
            running = true;
        }
        scheduleRound(0);
        sweep.start(vertx, config.cleanupInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        synchronized (this) {
            running = false;
            if (nextRoundTimer >= 0) {
                vertx.cancelTimer(nextRoundTimer);
            }
        }
        sweep.stop(vertx);
    }

    /** The number of unsent rows seen by the last round. */
    public long backlog() {
        return backlog.get();
    }

    /**
     * One round: publishes up to a batch of unsent rows in id order and marks them sent, in one transaction.
     *
     * @return the number of rows published; 0 if there were none or another instance holds the relay lock
     */
    public Uni<Integer> relayOnce() {
        return pool.withTransaction(this::relayBatch)
                .call(this::refreshBacklog)
                .invoke(round -> published.increment(round.published()))
                .map(Round::published);
    }

    /**
     * Test seam: {@code hook} runs after the broker acknowledged a round's records and before they are marked sent;
     * if it throws, the round rolls back exactly as if the process had died at that point.
     */
    void afterPublish(Consumer<List<ProducerRecord<String, byte[]>>> hook) {
        this.afterPublish = hook;
    }

    private Uni<Round> relayBatch(SqlConnection connection) {
        return connection.preparedQuery(TRY_LOCK).execute(Tuple.of(RELAY_LOCK)).chain(locked -> {
            if (!locked.iterator().next().getBoolean(0)) {
                // Another instance is relaying; it keeps the order, this one waits for the next round.
                return Uni.createFrom().item(new Round(false, 0));
            }
            return connection
                    .preparedQuery(SELECT_UNSENT)
                    .execute(Tuple.of((long) config.relay().batchSize()))
                    .chain(rows -> publishAndMark(connection, rows))
                    .map(published -> new Round(true, published));
        });
    }

    private Uni<Integer> publishAndMark(SqlConnection connection, Iterable<Row> rows) {
        List<Long> ids = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            records.add(toRecord(row));
        }
        if (records.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return producer.sendAll(records)
                .invoke(acknowledged -> afterPublish.accept(records))
                .chain(acknowledged -> connection.preparedQuery(MARK_SENT).execute(Tuple.of(ids.toArray(Long[]::new))))
                .replaceWith(records.size());
    }

    private static ProducerRecord<String, byte[]> toRecord(Row row) {
        OffsetDateTime time = row.getOffsetDateTime("ce_time");
        EventEnvelope envelope = new EventEnvelope(
                row.getString("event_id"),
                row.getString("ce_type"),
                row.getString("ce_source"),
                time == null ? null : time.toInstant(),
                row.getString("ce_subject"),
                row.getString("brand_id"),
                row.getString("vendor_id"),
                row.getBuffer("payload").getBytes());
        return CloudEventRecords.toRecord(
                row.getString("topic"), row.getString("message_key"), envelope, headers(row.getJsonObject("headers")));
    }

    private static Map<String, String> headers(JsonObject json) {
        Map<String, String> headers = new HashMap<>();
        if (json != null) {
            json.forEach(entry -> headers.put(entry.getKey(), String.valueOf(entry.getValue())));
        }
        return headers;
    }

    private Uni<Void> refreshBacklog(Round round) {
        if (round.locked() && round.published() < config.relay().batchSize()) {
            // The round drained the outbox; rows committed since then are counted by the next round.
            backlog.set(0);
            return Uni.createFrom().voidItem();
        }
        return pool.query(COUNT_UNSENT)
                .execute()
                .invoke(rows -> backlog.set(rows.iterator().next().getLong(0)))
                .replaceWithVoid();
    }

    private void scheduleRound(long delayMillis) {
        synchronized (this) {
            if (!running) {
                return;
            }
            // Vert.x timers need at least one millisecond.
            nextRoundTimer = vertx.setTimer(Math.max(1, delayMillis), id -> runRound());
        }
    }

    private void runRound() {
        synchronized (this) {
            nextRoundTimer = -1;
            if (!running || roundInProgress) {
                return;
            }
            roundInProgress = true;
        }
        relayOnce().subscribe().with(this::roundSucceeded, this::roundFailed);
    }

    private void roundSucceeded(int relayed) {
        boolean again;
        synchronized (this) {
            roundInProgress = false;
            failuresInARow = 0;
            again = relayed >= config.relay().batchSize();
        }
        scheduleRound(again ? 0 : config.relay().interval().toMillis());
    }

    private void roundFailed(Throwable failure) {
        long pause;
        int failures;
        synchronized (this) {
            roundInProgress = false;
            if (!running) {
                // The pool and the producer close under a round that runs while the application stops.
                Log.debugf(failure, "Outbox relay round ended by the shutdown; its rows stay unsent");
                return;
            }
            failures = ++failuresInARow;
            long interval = Math.max(1, config.relay().interval().toMillis());
            long doubled = interval << Math.min(failures, 20);
            pause = Math.min(doubled, config.relay().maxBackoff().toMillis());
        }
        Log.warnf(
                failure,
                "Outbox relay round failed (%d in a row); the rows stay unsent and are retried in %d ms",
                failures,
                pause);
        scheduleRound(pause);
    }

    /** Deletes up to a batch of sent rows older than the retention; returns how many. */
    Uni<Integer> deleteExpired() {
        return sweep.deleteExpired();
    }

    /** What one round did: whether it held the relay lock, and how many rows it published. */
    private record Round(boolean locked, int published) {}
}

package com.bpo.kit.outbox;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;

/** Reads the outbox and the demo tables as the application's database role, for assertions. */
final class OutboxTables {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;

    OutboxTables(Pool pool) {
        this.pool = pool;
    }

    long tickets(String ticketId) {
        return count("select count(*) from outbox_demo_ticket where id = $1", ticketId);
    }

    long outboxRowsOfKey(String key) {
        return count("select count(*) from kit_outbox where message_key = $1", key);
    }

    /** When the event was marked sent; null while it is not (or does not exist). */
    OffsetDateTime sentAt(String eventId) {
        Iterator<Row> rows = query("select sent_at from kit_outbox where event_id = $1", eventId)
                .iterator();
        return rows.hasNext() ? rows.next().getOffsetDateTime("sent_at") : null;
    }

    /** How often the demo consumer applied the event. */
    long applications(String eventId) {
        Iterator<Row> rows = query("select applications from outbox_demo_applied where event_id = $1", eventId)
                .iterator();
        return rows.hasNext() ? rows.next().getLong(0) : 0;
    }

    private long count(String sql, String parameter) {
        return query(sql, parameter).iterator().next().getLong(0);
    }

    private RowSet<Row> query(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(TIMEOUT);
    }
}

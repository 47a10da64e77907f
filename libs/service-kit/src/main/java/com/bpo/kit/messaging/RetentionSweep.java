package com.bpo.kit.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;

/**
 * Deletes bookkeeping rows (sent outbox rows, applied inbox ids) once they are past their retention, a bounded batch
 * per statement so that a large backlog never becomes one long transaction.
 */
public final class RetentionSweep {

    private static final long BATCH = 10_000;

    private final Pool pool;
    private final String deleteExpired;
    private final Duration retention;
    private final String what;
    private long timer = -1;

    /**
     * @param deleteExpired a delete taking the retention in seconds as {@code $1} and the batch size as {@code $2}
     * @param what the rows, for the log ("sent outbox rows")
     */
    public RetentionSweep(Pool pool, String deleteExpired, Duration retention, String what) {
        this.pool = pool;
        this.deleteExpired = deleteExpired;
        this.retention = retention;
        this.what = what;
    }

    /** Deletes up to a batch of rows past the retention; returns how many. */
    public Uni<Integer> deleteExpired() {
        return pool.preparedQuery(deleteExpired)
                .execute(Tuple.of(retention.toSeconds(), BATCH))
                .map(deleted -> deleted.rowCount());
    }

    public void start(Vertx vertx, Duration interval) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> deleteExpired()
                .subscribe()
                .with(
                        deleted -> Log.debugf("Deleted %d %s past retention", deleted, what),
                        failure -> Log.warnf(failure, "Deleting %s past retention failed", what)));
    }

    public void stop(Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}

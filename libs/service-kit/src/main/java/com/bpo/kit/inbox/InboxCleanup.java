package com.bpo.kit.inbox;

import com.bpo.kit.messaging.RetentionSweep;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Forgets applied event ids past {@code bpo.inbox.retention}, a bounded batch at a time. */
@Singleton
public class InboxCleanup {

    private static final String DELETE_EXPIRED = "delete from kit_inbox where ctid in (select ctid from kit_inbox"
            + " where processed_at < now() - make_interval(secs => $1::bigint) limit $2)";

    private final InboxConfig config;
    private final Vertx vertx;
    private final RetentionSweep sweep;

    InboxCleanup(Pool pool, InboxConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        this.sweep = new RetentionSweep(pool, DELETE_EXPIRED, config.retention(), "applied inbox event ids");
    }

    void start(@Observes StartupEvent startup) {
        sweep.start(vertx, config.cleanupInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        sweep.stop(vertx);
    }

    /** Deletes up to a batch of applied event ids older than the retention; returns how many. */
    Uni<Integer> deleteExpired() {
        return sweep.deleteExpired();
    }
}

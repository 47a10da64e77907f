package com.bpo.kit.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** Keeps reactive work on the Vert.x context it started on. */
public final class VertxContexts {

    private VertxContexts() {}

    /**
     * {@code uni}, delivering its item or failure on the Vert.x context of whoever subscribes, if there is one.
     * Kafka completes sends on its own network thread; a caller in a Hibernate Reactive session must continue on
     * its context, because the session may not be used from another thread.
     */
    public static <T> Uni<T> emitOnCallerContext(Uni<T> uni) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            if (context == null) {
                return uni;
            }
            return uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    /**
     * Runs {@code work} on a worker thread and delivers its result or failure on the Vert.x context of whoever
     * subscribes, if there is one: for CPU work of milliseconds (parsing, serialising, encrypting a batch) in the
     * middle of a reactive request, which would otherwise hold up every other request on the same event loop.
     */
    public static <T> Uni<T> onWorker(Supplier<T> work) {
        return emitOnCallerContext(
                Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}

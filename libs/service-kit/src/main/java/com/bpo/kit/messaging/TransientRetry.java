package com.bpo.kit.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs reactive work again, a bounded number of times with exponential back-off, when it fails for a reason that may
 * pass ({@link TransientFailures}); any other failure, and the last transient one, is returned at once. A consumer
 * wraps its whole transaction in it, so each attempt is a new transaction:
 *
 * <pre>{@code
 * return retry.run(() -> tenants.forBrand(event.brandId(),
 *         () -> inbox.processOnce(CONSUMER, event.id(), () -> apply(event))));
 * }</pre>
 *
 * <p>Every attempt starts on the Vert.x context of the caller (a back-off delay would otherwise resume on a timer
 * thread, where Hibernate Reactive cannot open a session).
 */
@ApplicationScoped
public class TransientRetry {

    private final MessagingConfig.Retry config;

    TransientRetry(MessagingConfig config) {
        this.config = config.retry();
    }

    /** Runs {@code work}, retried on transient failures as configured in {@code bpo.messaging.retry.*}. */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Uni<T> attempt = Uni.createFrom().deferred(work::get);
            Context context = Vertx.currentContext();
            if (context != null) {
                attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
            }
            if (config.maxRetries() <= 0) {
                return attempt;
            }
            return attempt.onFailure(TransientFailures::isTransient)
                    .retry()
                    .withBackOff(config.initialBackoff(), config.maxBackoff())
                    .atMost(config.maxRetries());
        });
    }
}

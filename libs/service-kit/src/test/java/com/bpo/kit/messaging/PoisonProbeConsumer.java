package com.bpo.kit.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes kit-test.poison like a service would: reads the event (the schema check), and applies it with bounded
 * retries. Tests can make the effect fail with a deadlock a number of times for a chosen event.
 */
@ApplicationScoped
public class PoisonProbeConsumer {

    public static final String CHANNEL = "kit-test-poison";

    private final TransientRetry retry;
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> deadlocksToInject = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    PoisonProbeConsumer(TransientRetry retry) {
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvents.read(record);
        return retry.run(() -> apply(event.id()));
    }

    private Uni<Void> apply(String eventId) {
        attempts.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
        AtomicInteger deadlocks = deadlocksToInject.get(eventId);
        if (deadlocks != null && deadlocks.getAndDecrement() > 0) {
            return Uni.createFrom().failure(new PgException("deadlock detected", "ERROR", "40P01", "injected"));
        }
        applied.add(eventId);
        return Uni.createFrom().voidItem();
    }

    /** Makes the effect of {@code eventId} fail with a deadlock on its first {@code times} attempts. */
    public void failWithDeadlock(String eventId, int times) {
        deadlocksToInject.put(eventId, new AtomicInteger(times));
    }

    public boolean applied(String eventId) {
        return applied.contains(eventId);
    }

    public int attempts(String eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}

package com.bpo.kit.inbox;

import com.bpo.kit.messaging.TransactionSessions;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Idempotent consumption by event id ({@code kit_inbox}): a consumer remembers each {@code ce_id} it applied in the
 * same transaction as the effect, so a re-delivered event (a redelivery after a crash, a rebalance, a re-sent fact
 * with its deterministic id, an outbox event relayed twice) is applied once.
 *
 * <p>The inbox row and the effect commit together or not at all: if the effect fails, the transaction rolls back,
 * the row is gone and the event is applied when it comes again. Both methods write in the transaction open in the
 * current Vert.x context and fail without one:
 *
 * <pre>{@code
 * @Incoming("chat-events")
 * public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
 *     IncomingEvent event = IncomingEvents.read(record);
 *     if (!(event.payload() instanceof MessageSent message)) {
 *         return Uni.createFrom().voidItem();
 *     }
 *     return retry.run(() -> tenants.forBrand(event.brandId(),
 *             () -> inbox.processOnce(CONSUMER, event.id(), () -> kpis.count(message)))).replaceWithVoid();
 * }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM =
            "insert into kit_inbox (consumer, event_id) values (:consumer, :eventId)" + " on conflict do nothing";
    private static final String CLAIM_ALL = "insert into kit_inbox (consumer, event_id)"
            + " select :consumer, unnest(cast(:eventIds as text[])) on conflict do nothing returning event_id";

    private final Mutiny.SessionFactory sessionFactory;

    Inbox(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * Runs {@code effect} in the current transaction unless {@code consumer} already applied the event
     * {@code eventId}, and remembers that it did.
     *
     * @param consumer the consumer's stable name; each consumer of the same event applies it once
     * @return the effect's item, or null if the event was applied before (the effect did not run)
     */
    public <T> Uni<T> processOnce(String consumer, String eventId, Supplier<Uni<T>> effect) {
        requireText(consumer, "consumer");
        requireText(eventId, "eventId");
        return TransactionSessions.requireOpen(sessionFactory, "Inbox.processOnce")
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        Log.debugf("Event %s already applied by %s: skipped", eventId, consumer);
                        return Uni.createFrom().nullItem();
                    }
                    return effect.get();
                });
    }

    /**
     * Claims a batch of events in one statement, for consumers that apply a whole batch in one transaction: the
     * result names the events not applied before, which the caller applies now in the same transaction.
     *
     * @return the ids of {@code eventIds} that {@code consumer} had not claimed before
     */
    public Uni<Set<String>> claimNew(String consumer, Collection<String> eventIds) {
        requireText(consumer, "consumer");
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String[] ids = eventIds.toArray(String[]::new);
        return TransactionSessions.requireOpen(sessionFactory, "Inbox.claimNew")
                .chain(session -> session.createNativeQuery(CLAIM_ALL, String.class)
                        .setParameter("consumer", consumer)
                        .setParameter("eventIds", ids)
                        .getResultList())
                .map(Inbox::toSet);
    }

    private static Set<String> toSet(List<String> ids) {
        return Set.copyOf(ids);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

package com.bpo.kit.outbox;

import com.bpo.kit.inbox.Inbox;
import com.bpo.kit.messaging.IncomingEvent;
import com.bpo.kit.messaging.IncomingEvents;
import com.bpo.kit.messaging.TransientRetry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies relayed ticket events once each through the inbox, as a consuming service would. */
@ApplicationScoped
public class DemoTicketConsumer {

    public static final String CHANNEL = "kit-test-tickets";
    static final String CONSUMER = "outbox-demo-ticket-consumer";

    private static final String APPLY = "insert into outbox_demo_applied (event_id, applications) values (:eventId, 1)"
            + " on conflict (event_id) do update set applications = outbox_demo_applied.applications + 1";

    private final Inbox inbox;
    private final TransientRetry retry;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

    DemoTicketConsumer(Inbox inbox, TransientRetry retry) {
        this.inbox = inbox;
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvents.read(record);
        count(deliveries, event.id());
        return retry.run(() ->
                        Panache.withTransaction(() -> inbox.processOnce(CONSUMER, event.id(), () -> apply(event))))
                .invoke(() -> count(handled, event.id()))
                .replaceWithVoid();
    }

    private Uni<Integer> apply(IncomingEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(APPLY)
                .setParameter("eventId", event.id())
                .executeUpdate());
    }

    /** How often the event was delivered to this consumer. */
    public int deliveries(String eventId) {
        return count(deliveries.get(eventId));
    }

    /** How often the handling of a delivery of the event completed (applied or skipped as a duplicate). */
    public int handled(String eventId) {
        return count(handled.get(eventId));
    }

    private static void count(Map<String, AtomicInteger> counts, String eventId) {
        counts.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
    }

    private static int count(AtomicInteger count) {
        return count == null ? 0 : count.get();
    }
}

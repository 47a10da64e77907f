package com.bpo.kit.outbox;

import com.bpo.kit.messaging.KitTestTopics;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.messaging.SampleEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens demo tickets the way a service changes state: the row and its event in one transaction. */
@ApplicationScoped
public class DemoTicketService {

    public static final String TOPIC = KitTestTopics.TICKETS;

    private final OutboxWriter outbox;

    DemoTicketService(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Opens a ticket and enqueues its {@code TicketOpened} event on {@code topic}; returns the event id. */
    @WithTransaction
    public Uni<String> open(String brandId, String ticketId, String type, String topic) {
        DemoTicket ticket = new DemoTicket(ticketId, brandId, type);
        return ticket.persist().chain(() -> outbox.enqueue(opened(ticket, topic)));
    }

    /** As {@link #open}, with the events of several tickets ordered under one {@code key} (e.g. their customer). */
    @WithTransaction
    public Uni<String> openUnderKey(String brandId, String ticketId, String type, String topic, String key) {
        DemoTicket ticket = new DemoTicket(ticketId, brandId, type);
        return ticket.persist().chain(() -> outbox.enqueue(opened(ticket, topic).withKey(key)));
    }

    /** Opens a ticket and enqueues its event, then fails: nothing of it may survive. */
    @WithTransaction
    public Uni<String> openThenFail(String brandId, String ticketId) {
        return open(brandId, ticketId, "COMPLAINT", TOPIC).chain(eventId -> Uni.createFrom()
                .failure(new IllegalStateException("the state change failed after its event was written")));
    }

    private static OutgoingEvent opened(DemoTicket ticket, String topic) {
        return OutgoingEvent.of(SampleEvents.ticketOpened(ticket.brandId, ticket.id, ticket.type))
                .withBrand(ticket.brandId)
                .withVendor(SampleEvents.VENDOR)
                .withTopic(topic)
                .withHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }
}

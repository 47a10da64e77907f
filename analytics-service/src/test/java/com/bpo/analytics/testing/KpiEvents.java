package com.bpo.analytics.testing;

import com.bpo.contracts.EventPayload;
import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.kit.messaging.Fact;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.messaging.OutgoingEvent;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Publishes fact events the way their producers do: binary CloudEvents through the kit's {@link FactPublisher}, with
 * {@code ce_brandid}/{@code ce_vendorid} set and an event id derived from the natural key, so that publishing the same
 * fact again yields the same record id. Returns once the broker acknowledged every record.
 */
public final class KpiEvents {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final FactPublisher publisher;

    public KpiEvents(FactPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /** Publishes the events in their order and waits for the broker's acknowledgements. */
    public void publish(List<? extends EventPayload> events) {
        List<Fact> facts = events.stream().map(KpiEvents::fact).toList();
        publisher.publish(facts).await().atMost(PATIENCE);
    }

    public void publish(EventPayload... events) {
        publish(Arrays.asList(events));
    }

    private static Fact fact(EventPayload payload) {
        OutgoingEvent event = OutgoingEvent.of(payload)
                .withBrand(component(payload, "brandId"))
                .withVendor(component(payload, "vendorId"));
        // The first component of every fact record is its id; an order has one event per status.
        String naturalKey =
                component(payload, payload.getClass().getRecordComponents()[0].getName());
        if (payload instanceof OrderChanged order) {
            naturalKey = naturalKey + "|" + order.status();
        }
        return new Fact(event, naturalKey);
    }

    private static String component(EventPayload payload, String name) {
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return (String) component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}

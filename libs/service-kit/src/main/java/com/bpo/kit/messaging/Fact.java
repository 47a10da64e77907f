package com.bpo.kit.messaging;

import com.bpo.contracts.EventIds;
import java.util.Objects;

/**
 * A fact received from outside (a chat message, a call, an order, a rating) to publish straight to Kafka. Its event
 * id is derived from the natural key ({@link EventIds#forFact}), so the same fact sent twice yields the same
 * {@code ce_id} and idempotent consumers apply it once.
 *
 * @param event the event to publish; it must name its brand, which is part of the id
 * @param naturalKey what identifies the fact at its origin within the brand, e.g. the platform's message id
 */
public record Fact(OutgoingEvent event, String naturalKey) {

    public Fact {
        Objects.requireNonNull(event, "event");
        if (event.brandId() == null || event.brandId().isBlank()) {
            throw new IllegalArgumentException("a fact belongs to a brand: its event needs a brand id");
        }
        if (naturalKey == null || naturalKey.isEmpty()) {
            throw new IllegalArgumentException("a fact needs its natural key");
        }
    }

    /** The deterministic {@code ce_id} of this fact. */
    public String eventId() {
        return FactIds.forFact(event.type(), event.brandId(), naturalKey);
    }
}

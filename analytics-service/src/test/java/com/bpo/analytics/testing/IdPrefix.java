package com.bpo.analytics.testing;

import com.bpo.contracts.EventPayload;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * Copies of events with every id prefixed ({@code brandId}, {@code vendorId}, {@code messageId}, {@code shopIds},
 * ...), so that a data set with fixed ids can be published next to other tests' data in the same broker and database
 * without sharing a brand, a vendor or an agent with them. A common prefix keeps the code-point order of ids, which
 * the KPI rules break ties by, so the copies give the same KPIs under the prefixed ids.
 */
public final class IdPrefix {

    private final String prefix;

    public IdPrefix(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** The prefixed id; null stays null. */
    public String id(String id) {
        return id == null ? null : prefix + id;
    }

    /** Every event with its ids prefixed, in the same order. */
    public List<EventPayload> events(List<? extends EventPayload> events) {
        return events.stream().map(this::event).toList();
    }

    /** The event with its ids prefixed: string components named {@code ...Id}, string lists named {@code ...Ids}. */
    public EventPayload event(EventPayload event) {
        return RecordCopies.copy(event, this::prefixed);
    }

    private Object prefixed(RecordComponent component, Object value) {
        String name = component.getName();
        if (value instanceof String id && name.endsWith("Id")) {
            return id(id);
        }
        if (value instanceof List<?> list && name.endsWith("Ids")) {
            return list.stream().map(id -> id(id.toString())).toList();
        }
        return value;
    }
}

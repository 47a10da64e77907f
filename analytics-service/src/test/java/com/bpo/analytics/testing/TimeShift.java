package com.bpo.analytics.testing;

import com.bpo.contracts.EventPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Copies of events with every instant moved by the same amount, e.g. to replay dated traffic around today, where the
 * service's finality (which reads the real clock) differs between days.
 */
public final class TimeShift {

    private final Duration by;

    public TimeShift(Duration by) {
        this.by = Objects.requireNonNull(by, "by");
    }

    /** Every event with its instants moved, in the same order. */
    public List<EventPayload> events(List<? extends EventPayload> events) {
        return events.stream().map(this::event).toList();
    }

    /** The event with every {@link Instant} component moved; other components stay as they are. */
    public EventPayload event(EventPayload event) {
        return RecordCopies.copy(event, (component, value) -> value instanceof Instant at ? at.plus(by) : value);
    }
}

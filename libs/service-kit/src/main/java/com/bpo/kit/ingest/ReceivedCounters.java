package com.bpo.kit.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the records an ingestion endpoint received, by outcome: {@code accepted}, {@code duplicate}, {@code rejected}. */
public final class ReceivedCounters {

    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;

    public ReceivedCounters(MeterRegistry registry, String name, String description) {
        this.accepted = counter(registry, name, description, "accepted");
        this.duplicates = counter(registry, name, description, "duplicate");
        this.rejected = counter(registry, name, description, "rejected");
    }

    /** Counts what a batch's answer says was taken, already known and refused. */
    public void count(IngestAnswer answer) {
        accepted.increment(answer.accepted());
        duplicates.increment(answer.duplicates());
        rejected.increment(answer.rejected());
    }

    private static Counter counter(MeterRegistry registry, String name, String description, String outcome) {
        return Counter.builder(name)
                .description(description)
                .tag("outcome", outcome)
                .register(registry);
    }
}

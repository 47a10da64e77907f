package com.bpo.simulator;

import com.bpo.simulator.TrafficEvent.EventKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What was sent so far, per kind: taken by the platform, rejected record by record, or failed for good. */
final class Tally {

    private static final int KEPT_PROBLEMS = 10;

    private final Map<EventKind, LongAdder> sent = adders();
    private final Map<EventKind, LongAdder> rejected = adders();
    private final Map<EventKind, LongAdder> failed = adders();
    private final LongAdder requests = new LongAdder();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicInteger problemCount = new AtomicInteger();

    void sent(EventKind kind, long count) {
        sent.get(kind).add(count);
    }

    void rejected(EventKind kind, long count) {
        rejected.get(kind).add(count);
    }

    void failed(EventKind kind, long count) {
        failed.get(kind).add(count);
    }

    void request() {
        requests.increment();
    }

    /** Keeps the first few problems to show at the end; the counters hold the rest. */
    void problem(String description) {
        if (problemCount.getAndIncrement() < KEPT_PROBLEMS) {
            problems.add(description);
        }
    }

    long sent(EventKind kind) {
        return sent.get(kind).sum();
    }

    long totalSent() {
        return sent.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long totalRejected() {
        return rejected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long totalFailed() {
        return failed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long requests() {
        return requests.sum();
    }

    int problemCount() {
        return problemCount.get();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    Map<EventKind, Long> sentByKind() {
        return snapshot(sent);
    }

    Map<EventKind, Long> rejectedByKind() {
        return snapshot(rejected);
    }

    Map<EventKind, Long> failedByKind() {
        return snapshot(failed);
    }

    private static Map<EventKind, LongAdder> adders() {
        Map<EventKind, LongAdder> adders = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            adders.put(kind, new LongAdder());
        }
        return adders;
    }

    private static Map<EventKind, Long> snapshot(Map<EventKind, LongAdder> adders) {
        Map<EventKind, Long> counts = new EnumMap<>(EventKind.class);
        adders.forEach((kind, adder) -> counts.put(kind, adder.sum()));
        return Map.copyOf(counts);
    }
}

package com.bpo.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the ingestion endpoint answered during one phase of the load. Not thread-safe: each connection keeps its own
 * and they are merged at the end.
 */
final class IngestionCounts {

    long requests;
    long messagesSent;
    long accepted;
    long duplicates;
    long rejected;
    /** Requests that got no answer at all (connection refused, reset, timeout). */
    long transportErrors;
    /** Answers by HTTP status, 200 included. */
    final Map<Integer, Long> statuses = new TreeMap<>();

    void answered(int status, int sent, long acceptedInAnswer, long duplicatesInAnswer, long rejectedInAnswer) {
        requests++;
        messagesSent += sent;
        statuses.merge(status, 1L, Long::sum);
        accepted += acceptedInAnswer;
        duplicates += duplicatesInAnswer;
        rejected += rejectedInAnswer;
    }

    void failed(int sent) {
        requests++;
        messagesSent += sent;
        transportErrors++;
    }

    /** Requests answered with anything but 200. */
    long failedRequests() {
        return statuses.entrySet().stream()
                .filter(status -> status.getKey() != 200)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    void add(IngestionCounts other) {
        requests += other.requests;
        messagesSent += other.messagesSent;
        accepted += other.accepted;
        duplicates += other.duplicates;
        rejected += other.rejected;
        transportErrors += other.transportErrors;
        other.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
    }
}

package com.bpo.kit.consumer;

import com.bpo.kit.messaging.IncomingEvent;
import com.bpo.kit.tenant.TenantConnections;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The effect of the tests' demo consumers: counts each applied event in {@code consumer_demo_applied}, one statement
 * per batch like a real high-volume consumer. Tests can make it fail for good for chosen events, fail with a deadlock
 * a number of times, or hold a batch open until they release it. A failure comes after the rows were written, so a
 * test also sees that the transaction rolled them back.
 */
final class DemoEffect implements BatchEffect {

    private static final String COUNT =
            """
            insert into consumer_demo_applied as applied (consumer, event_id, brand_id, record_topic, record_partition,
                                                          record_offset, applications)
            select $1, e.event_id, e.brand_id, e.record_topic, e.record_partition, e.record_offset, 1
            from unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[])
                as e(event_id, brand_id, record_topic, record_partition, record_offset)
            on conflict (consumer, event_id) do update set applications = applied.applications + 1
            """;

    private static final String APPLICATIONS =
            "select event_id, applications from consumer_demo_applied where consumer = $1";

    private final String consumer;
    private final Set<String> failingForGood = ConcurrentHashMap.newKeySet();
    private final AtomicInteger deadlocksToInject = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger largestBatch = new AtomicInteger();
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    DemoEffect(String consumer) {
        this.consumer = consumer;
    }

    @Override
    public Uni<Void> apply(SqlConnection transaction, List<IncomingEvent> events) {
        calls.incrementAndGet();
        largestBatch.accumulateAndGet(events.size(), Math::max);
        int size = events.size();
        String[] ids = new String[size];
        String[] brands = new String[size];
        String[] topics = new String[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        for (int i = 0; i < size; i++) {
            IncomingEvent event = events.get(i);
            ids[i] = event.id();
            brands[i] = event.brandId();
            topics[i] = event.topic();
            partitions[i] = event.partition();
            offsets[i] = event.offset();
        }
        return transaction
                .preparedQuery(COUNT)
                .execute(Tuple.from(List.of(consumer, ids, brands, topics, partitions, offsets)))
                .chain(() -> {
                    if (events.stream().anyMatch(event -> failingForGood.contains(event.id()))) {
                        return Uni.createFrom()
                                .failure(new PgException(
                                        "new row violates check constraint", "ERROR", "23514", "injected"));
                    }
                    if (deadlocksToInject.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        return Uni.createFrom()
                                .failure(new PgException("deadlock detected", "ERROR", "40P01", "injected"));
                    }
                    return Uni.createFrom().completionStage(gate);
                });
    }

    /** Makes every batch holding {@code eventId} fail with a constraint violation, which no retry mends. */
    void failForGood(String eventId) {
        failingForGood.add(eventId);
    }

    /** Makes the next {@code times} batches fail with a deadlock after writing their rows. */
    void failWithDeadlocks(int times) {
        deadlocksToInject.set(times);
    }

    /** Holds every batch's transaction open until {@link #release} (without blocking the event loop). */
    void hold() {
        gate = new CompletableFuture<>();
    }

    void release() {
        gate.complete(null);
    }

    int calls() {
        return calls.get();
    }

    int largestBatch() {
        return largestBatch.get();
    }

    /** How often each event was applied, as committed. */
    Map<String, Integer> applications(TenantConnections tenants) {
        return tenants.forPlatform(
                        connection -> connection.preparedQuery(APPLICATIONS).execute(Tuple.of(consumer)))
                .map(rows -> {
                    Map<String, Integer> applications = new HashMap<>();
                    for (Row row : rows) {
                        applications.put(row.getString("event_id"), row.getInteger("applications"));
                    }
                    return applications;
                })
                .await()
                .atMost(Duration.ofSeconds(30));
    }
}

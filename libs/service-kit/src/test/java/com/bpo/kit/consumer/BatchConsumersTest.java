package com.bpo.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.Topics;
import com.bpo.kit.messaging.DeadLetterTopicStrategy;
import com.bpo.kit.messaging.SampleEvents;
import com.bpo.kit.messaging.UnreadableEventException;
import com.bpo.kit.tenant.TenantConnections;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batch consumers against the real broker and database: each test has its own topic and consumer name. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class BatchConsumersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PRIVATE_TYPE = "bpo.kit-test.private-note.v1";

    @Inject
    BatchConsumers consumers;

    @Inject
    BatchConsumersHealth health;

    @Inject
    TenantConnections tenants;

    @Inject
    MeterRegistry registry;

    private final String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String brand = SampleEvents.newBrand();
    private final List<BatchConsumer> started = new ArrayList<>();
    private final DemoEffect effect = new DemoEffect(name);
    private TestEvents events;

    @BeforeEach
    void createTopic() {
        events = new TestEvents();
    }

    @AfterEach
    void stopConsumers() {
        effect.release();
        started.forEach(BatchConsumer::stop);
        events.close();
    }

    @Test
    void everyEventIsAppliedOnceWhenTheConsumerRestartsMidStream() {
        List<EventEnvelope> sent = new ArrayList<>(events.sendMessages(brand, 30, 10));
        BatchConsumer consumer = start(spec(20));

        await().atMost(TIMEOUT).until(() -> applied().size() >= 100);
        consumer.stop();

        assertThat(consumer.isRunning()).isFalse();
        Map<String, Integer> atStop = applied();
        assertThat(atStop.values()).containsOnly(1);
        // Effects and offsets committed together: exactly the records before the stored offsets are applied.
        assertThat(total(consumer.storedOffsets(events.topic))).isEqualTo(atStop.size());

        sent.addAll(events.sendMessages(brand, 30, 10));
        BatchConsumer again = start(spec(20));

        await().atMost(TIMEOUT).until(() -> applied().size() == sent.size());
        assertAppliedOnce(sent);
        assertThat(total(again.storedOffsets(events.topic))).isEqualTo(600);
        assertThat(effect.largestBatch()).isBetween(1, 20);
    }

    @Test
    void crashBetweenTheEffectAndTheCommitLeavesNeitherAndTheRestartAppliesEverythingOnce() {
        BatchConsumer consumer = start(spec(25));
        AtomicInteger transactions = new AtomicInteger();
        ((KafkaBatchConsumer) consumer).beforeCommit(() -> {
            if (transactions.incrementAndGet() == 3) {
                throw new IllegalStateException("simulated crash between the effect and the commit");
            }
        });
        assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        List<EventEnvelope> sent = events.sendMessages(brand, 20, 10);

        await().atMost(TIMEOUT).until(consumer::hasFailed);
        assertThat(consumer.isRunning()).isFalse();
        HealthCheckResponse down = health.call();
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow().get(name).toString()).contains("simulated crash");
        Map<String, Integer> beforeCrash = applied();
        assertThat(beforeCrash).isNotEmpty().hasSizeLessThan(sent.size());
        assertThat(beforeCrash.values()).containsOnly(1);
        assertThat(total(consumer.storedOffsets(events.topic))).isEqualTo(beforeCrash.size());

        consumer.stop();
        assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        start(spec(25));

        await().atMost(TIMEOUT).until(() -> applied().size() == sent.size());
        assertAppliedOnce(sent);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheRestOfTheBatchIsApplied() {
        String key = "conv-" + UUID.randomUUID();
        EventEnvelope first = TestEvents.messageSent(brand, key);
        events.send(key, first);
        RecordMetadata notAnEvent =
                events.sendRaw(key, "hello".getBytes(StandardCharsets.UTF_8), Map.of("traceparent", "00-trace-01"));
        EventEnvelope wrongSchema = new EventEnvelope(
                UUID.randomUUID().toString(),
                EventTypes.MESSAGE_SENT,
                TestEvents.SOURCE,
                null,
                key,
                brand,
                null,
                "{\"messageId\": 42}".getBytes(StandardCharsets.UTF_8));
        RecordMetadata invalid = events.send(key, wrongSchema);
        EventEnvelope last = TestEvents.messageSent(brand, key);
        RecordMetadata lastRecord = events.send(key, last);

        BatchConsumer consumer = start(new BatchConsumerSpec(name, List.of(events.topic), 50, true));

        await().atMost(TIMEOUT).until(() -> applied().keySet().containsAll(List.of(first.id(), last.id())));
        List<ConsumerRecord<String, String>> dead =
                events.kafka.awaitRecords(Topics.deadLetterTopic(events.topic), read -> read.size() >= 2, TIMEOUT);
        assertThat(dead).hasSize(2);
        ConsumerRecord<String, String> deadRaw = deadLetterAt(dead, notAnEvent);
        assertThat(deadRaw.key()).isEqualTo(key);
        assertThat(deadRaw.value()).isEqualTo("hello");
        assertThat(KafkaTestClient.header(deadRaw, "traceparent")).isEqualTo("00-trace-01");
        assertThat(KafkaTestClient.header(deadRaw, "dead-letter-reason")).contains("unreadable event");
        assertThat(KafkaTestClient.header(deadRaw, "dead-letter-exception-class-name"))
                .isEqualTo(UnreadableEventException.class.getName());
        assertThat(KafkaTestClient.header(deadRaw, "dead-letter-topic")).isEqualTo(events.topic);
        assertThat(KafkaTestClient.header(deadRaw, "dead-letter-partition"))
                .isEqualTo(Integer.toString(notAnEvent.partition()));
        ConsumerRecord<String, String> deadInvalid = deadLetterAt(dead, invalid);
        assertThat(KafkaTestClient.header(deadInvalid, CloudEventHeaders.ID)).isEqualTo(wrongSchema.id());
        assertThat(KafkaTestClient.header(deadInvalid, "dead-letter-reason")).contains("unreadable event");
        assertThat(KafkaTestClient.header(deadInvalid, "dead-letter-cause")).isNotBlank();

        await().atMost(TIMEOUT).until(() -> deadLetteredOnChannel() == 2 && events("dead-lettered") == 2);
        assertThat(events("applied")).isEqualTo(2);
        await().atMost(TIMEOUT)
                .until(() ->
                        consumer.storedOffsets(events.topic).get(lastRecord.partition()) == lastRecord.offset() + 1);
        assertThat(applied()).doesNotContainKey(wrongSchema.id());
    }

    @Test
    void eventWhoseEffectFailsForGoodIsDeadLetteredAndTheOthersAreApplied() {
        List<EventEnvelope> sent = events.sendMessages(brand, 5, 10);
        EventEnvelope poison = sent.get(23);
        effect.failForGood(poison.id());

        BatchConsumer consumer = start(spec(100));

        await().atMost(TIMEOUT).until(() -> applied().size() == sent.size() - 1);
        assertAppliedOnce(sent.stream().filter(event -> event != poison).toList());
        ConsumerRecord<String, String> dead = events.kafka.awaitRecord(
                Topics.deadLetterTopic(events.topic),
                record -> poison.id().equals(KafkaTestClient.header(record, CloudEventHeaders.ID)),
                TIMEOUT);
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("check constraint");
        assertThat(KafkaTestClient.header(dead, "dead-letter-exception-class-name"))
                .isEqualTo(PgException.class.getName());
        assertThat(KafkaTestClient.header(dead, "dead-letter-topic")).isEqualTo(events.topic);
        await().atMost(TIMEOUT).until(() -> total(consumer.storedOffsets(events.topic)) == sent.size());
        await().atMost(TIMEOUT)
                .until(() -> deadLetteredOnChannel() == 1
                        && events("dead-lettered") == 1
                        && events("applied") == sent.size() - 1);
        assertThat(applied()).doesNotContainKey(poison.id());
    }

    @Test
    void transientFailuresAreRetriedWithoutLoss() {
        effect.failWithDeadlocks(2);
        List<EventEnvelope> sent = events.sendMessages(brand, 10, 10);

        BatchConsumer consumer = start(spec(500));

        await().atMost(TIMEOUT).until(() -> applied().size() == sent.size());
        assertAppliedOnce(sent);
        assertThat(effect.calls()).isGreaterThanOrEqualTo(3);
        assertThat(consumer.isRunning()).isTrue();
        assertThat(deadLetteredOnChannel()).isZero();
        assertThat(events.kafka.readAll(Topics.deadLetterTopic(events.topic))).isEmpty();
    }

    @Test
    void twoConsumersInOneGroupSplitThePartitionsAndApplyEveryEventOnce() {
        BatchConsumer first = start(spec(50));
        BatchConsumer second = start(spec(50));
        await().atMost(TIMEOUT).until(() -> splitBetween(first, second));

        List<EventEnvelope> sent = new ArrayList<>(events.sendMessages(brand, 60, 10));
        await().atMost(TIMEOUT).until(() -> applied().size() == sent.size());
        first.stop();
        await().atMost(TIMEOUT).until(() -> second.assignedPartitions().size() == Topics.DEFAULT_PARTITIONS);
        sent.addAll(events.sendMessages(brand, 30, 10));

        await().atMost(TIMEOUT).until(() -> applied().size() == sent.size());
        assertAppliedOnce(sent);
        Map<Integer, Long> stored = second.storedOffsets(events.topic);
        assertThat(stored).hasSize(Topics.DEFAULT_PARTITIONS);
        assertThat(total(stored)).isEqualTo(sent.size());
    }

    @Test
    void unknownTypesAreSkippedAndPrivateTypesReachTheEffect() {
        String key = "conv-" + UUID.randomUUID();
        EventEnvelope known = TestEvents.messageSent(brand, key);
        EventEnvelope unknown = TestEvents.ofType("bpo.kit-test.future-event.v1", brand, key);
        EventEnvelope ownType = TestEvents.ofType(PRIVATE_TYPE, brand, key);
        events.send(key, known);
        events.send(key, unknown);
        events.send(key, ownType);
        RecordMetadata last = events.send(key, TestEvents.messageSent(brand, key));

        BatchConsumer consumer =
                start(new BatchConsumerSpec(name, List.of(events.topic), 50, true).withPrivateTypes(PRIVATE_TYPE));

        await().atMost(TIMEOUT)
                .until(() ->
                        consumer.storedOffsets(events.topic).getOrDefault(last.partition(), 0L) == last.offset() + 1);
        assertThat(applied()).containsKeys(known.id(), ownType.id()).doesNotContainKey(unknown.id());
        await().atMost(TIMEOUT).until(() -> events("skipped") == 1 && events("applied") == 3);
        assertThat(deadLetteredOnChannel()).isZero();
    }

    @Test
    void lagShowsTheRecordsNotYetReadAndFallsToZeroOnceCaughtUp() {
        effect.hold();
        // One conversation: one partition, read ten records per batch.
        List<EventEnvelope> sent = events.sendMessages(brand, 1, 100);

        start(spec(10));

        await().atMost(TIMEOUT).until(() -> lag() >= 1);
        assertThat(lag()).isLessThanOrEqualTo(sent.size());
        effect.release();
        await().atMost(TIMEOUT).until(() -> applied().size() == sent.size());
        await().atMost(TIMEOUT).until(() -> lag() == 0);
        Gauge gauge = registry.find(BatchConsumers.LAG).tag("consumer", name).gauge();
        assertThat(gauge).isNotNull();
        assertThat(registry.find(BatchConsumers.BATCH)
                        .tag("consumer", name)
                        .timer()
                        .count())
                .isPositive();
    }

    @Test
    void stopLetsTheBatchInProgressCommitWithItsOffsets() throws Exception {
        effect.hold();
        List<EventEnvelope> sent = events.sendMessages(brand, 3, 10);
        BatchConsumer consumer = start(spec(10));
        await().atMost(TIMEOUT).until(() -> effect.calls() == 1);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(consumer::stop);
        await().atMost(TIMEOUT).until(() -> !consumer.isRunning());
        effect.release();
        stopping.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        Map<String, Integer> atStop = applied();
        assertThat(atStop).isNotEmpty();
        assertThat(total(consumer.storedOffsets(events.topic))).isEqualTo(atStop.size());
        assertThat(effect.calls()).isEqualTo(1);

        start(spec(10));
        await().atMost(TIMEOUT).until(() -> applied().size() == sent.size());
        assertAppliedOnce(sent);
    }

    @Test
    void stopDuringRetriesAbandonsTheBatchUncommitted() {
        effect.failWithDeadlocks(Integer.MAX_VALUE);
        List<EventEnvelope> sent = events.sendMessages(brand, 3, 10);
        BatchConsumer consumer = start(spec(50));
        await().atMost(TIMEOUT).until(() -> effect.calls() >= 2);

        consumer.stop();

        assertThat(consumer.hasFailed()).isFalse();
        assertThat(applied()).isEmpty();
        assertThat(consumer.storedOffsets(events.topic)).isEmpty();
        effect.failWithDeadlocks(0);
        start(spec(50));
        await().atMost(TIMEOUT).until(() -> applied().size() == sent.size());
        assertAppliedOnce(sent);
    }

    private BatchConsumerSpec spec(int maxBatchSize) {
        return new BatchConsumerSpec(name, List.of(events.topic), maxBatchSize, false);
    }

    private BatchConsumer start(BatchConsumerSpec spec) {
        BatchConsumer consumer = consumers.start(spec, effect);
        started.add(consumer);
        return consumer;
    }

    private Map<String, Integer> applied() {
        return effect.applications(tenants);
    }

    private void assertAppliedOnce(List<EventEnvelope> expected) {
        Map<String, Integer> applied = applied();
        assertThat(applied.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(EventEnvelope::id).toList());
        assertThat(applied.values()).containsOnly(1);
    }

    private static boolean splitBetween(BatchConsumer first, BatchConsumer second) {
        Set<TopicPartition> a = first.assignedPartitions();
        Set<TopicPartition> b = second.assignedPartitions();
        Set<TopicPartition> union = new HashSet<>(a);
        union.addAll(b);
        return !a.isEmpty()
                && !b.isEmpty()
                && union.size() == a.size() + b.size()
                && union.size() == Topics.DEFAULT_PARTITIONS;
    }

    private static long total(Map<Integer, Long> storedOffsets) {
        return storedOffsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static ConsumerRecord<String, String> deadLetterAt(
            List<ConsumerRecord<String, String>> dead, RecordMetadata original) {
        return dead.stream()
                .filter(record ->
                        Long.toString(original.offset()).equals(KafkaTestClient.header(record, "dead-letter-offset")))
                .findFirst()
                .orElseThrow();
    }

    private double events(String outcome) {
        Counter counter = registry.find(BatchConsumers.EVENTS)
                .tag("consumer", name)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLetteredOnChannel() {
        Counter counter = registry.find(DeadLetterTopicStrategy.DEAD_LETTERED)
                .tag("channel", name)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double lag() {
        Gauge gauge = registry.find(BatchConsumers.LAG).tag("consumer", name).gauge();
        return gauge == null ? 0 : gauge.value();
    }
}

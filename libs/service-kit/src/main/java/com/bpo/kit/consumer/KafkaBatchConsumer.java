package com.bpo.kit.consumer;

import com.bpo.kit.consumer.BatchConsumerMetrics.Counts;
import com.bpo.kit.consumer.PolledBatch.Entry;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.IncomingEvent;
import com.bpo.kit.messaging.IncomingEvents;
import com.bpo.kit.messaging.TransientFailures;
import com.bpo.kit.tenant.TenantConnections;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One batch consumer: a Kafka consumer on a thread of its own that applies each poll in one database transaction
 * together with the offsets after it (see {@link BatchConsumers} for the whole contract).
 *
 * <p>Every transaction first locks the stored offsets of its partitions and drops the records before them, so a batch
 * is never applied twice: not when a commit's answer was lost and the batch is retried, not when the group moved a
 * partition to another instance while this one was still working on it.
 */
final class KafkaBatchConsumer implements BatchConsumer {

    private static final Duration LAG_LOOKUP_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LAG_LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_TYPES_NOTED = 100;

    private final BatchConsumerSpec spec;
    private final BatchEffect effect;
    private final Map<String, Object> settings;
    private final TenantConnections tenants;
    private final ConsumerOffsets offsets;
    private final EventProducer producer;
    private final BatchConsumerConfig config;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final BatchConsumerMetrics metrics;
    private final Function<ConsumerRecord<String, byte[]>, IncomingEvent> reader;
    private final Consumer<KafkaBatchConsumer> onStopped;
    private final Thread thread;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    // Written by the consumer thread, read by metrics, health checks and tests.
    private volatile KafkaConsumer<String, byte[]> client;
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile long lag;
    private volatile Throwable failure;

    // Test seam: runs after a transaction wrote its offsets and before it commits.
    private volatile Runnable beforeCommit = () -> {};

    // Consumer thread only.
    private final Set<String> skippedTypes = new HashSet<>();
    private final Map<TopicPartition, Long> lagByPartition = new HashMap<>();
    private long lastLagLookup;

    KafkaBatchConsumer(
            BatchConsumerSpec spec,
            BatchEffect effect,
            Map<String, Object> settings,
            Collaborators collaborators,
            BatchConsumerMetrics metrics,
            String threadName,
            Consumer<KafkaBatchConsumer> onStopped) {
        this.spec = spec;
        this.effect = effect;
        this.settings = settings;
        this.tenants = collaborators.tenants();
        this.offsets = collaborators.offsets();
        this.producer = collaborators.producer();
        this.config = collaborators.config();
        this.initialBackoff = collaborators.initialBackoff();
        this.maxBackoff = collaborators.maxBackoff();
        this.metrics = metrics;
        this.reader = spec.validateSchemas() ? IncomingEvents::read : TrustedEvents::read;
        this.onStopped = onStopped;
        this.thread = new Thread(this::run, threadName);
        // Never keeps the JVM alive on its own; the application stops it at shutdown.
        this.thread.setDaemon(true);
    }

    /** What every consumer of an application shares. */
    record Collaborators(
            TenantConnections tenants,
            ConsumerOffsets offsets,
            EventProducer producer,
            BatchConsumerConfig config,
            Duration initialBackoff,
            Duration maxBackoff) {}

    void start() {
        thread.start();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public boolean isRunning() {
        // The failure is recorded while the thread is still closing its client: from then on it no longer runs.
        return failure == null && thread.isAlive() && stopRequested.getCount() > 0;
    }

    @Override
    public boolean hasFailed() {
        return failure != null;
    }

    /** Why the thread ended, if it failed. */
    Throwable failure() {
        return failure;
    }

    @Override
    public Set<TopicPartition> assignedPartitions() {
        return assignment;
    }

    /** The records this instance has not read yet from its partitions, as last measured. */
    long lag() {
        return isRunning() ? lag : 0;
    }

    @Override
    public Map<Integer, Long> storedOffsets(String topic) {
        Map<TopicPartition, Long> stored =
                offsets.read(spec.name(), List.of(topic)).await().atMost(config.batchTimeout());
        Map<Integer, Long> byPartition = new TreeMap<>();
        stored.forEach((partition, next) -> byPartition.put(partition.partition(), next));
        return byPartition;
    }

    @Override
    public void stop() {
        requestStop();
        awaitStopped(config.stopTimeout());
    }

    /** Asks the thread to stop without waiting for it. */
    void requestStop() {
        stopRequested.countDown();
        KafkaConsumer<String, byte[]> current = client;
        if (current != null) {
            // Ends a poll (or another blocking client call) at once with a WakeupException on the consumer thread.
            current.wakeup();
        }
    }

    /** Waits up to {@code timeout} for the thread to end, then forgets this consumer. */
    void awaitStopped(Duration timeout) {
        if (Thread.currentThread() != thread) {
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                Log.warnf(
                        "Batch consumer %s did not stop within %s; its current batch commits or rolls back on its own",
                        spec.name(), timeout);
            }
        }
        onStopped.accept(this);
    }

    /** Test seam: {@code hook} runs after a transaction wrote its offsets and before it commits. */
    void beforeCommit(Runnable hook) {
        this.beforeCommit = hook;
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private void run() {
        Log.infof("Batch consumer %s starting on %s (group %s)", spec.name(), spec.topics(), settings.get("group.id"));
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(settings)) {
            client = kafka;
            // A stop requested before the client existed could not wake it up: it is seen here.
            if (!stopping()) {
                kafka.subscribe(spec.topics(), new SeekToStoredOffsets(kafka));
                while (!stopping()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(config.pollTimeout());
                    // Before the batch is applied, so a slow batch shows as lag while it runs.
                    measureLag(kafka);
                    if (!records.isEmpty()) {
                        process(kafka, records);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            if (stopping()) {
                // A wake-up, or the pool and producer closing under a stopping application: the batch was abandoned
                // and nothing of it was committed; it is read again after the restart.
                Log.debugf(e, "Batch consumer %s ended its current batch because it is stopping", spec.name());
            } else {
                failure = e;
                Log.errorf(e, "Batch consumer %s stopped after a failure that retrying cannot mend", spec.name());
            }
        } finally {
            client = null;
            assignment = Set.of();
            lag = 0;
            Log.infof("Batch consumer %s stopped", spec.name());
        }
    }

    private void process(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        Timer.Sample sample = Timer.start();
        PolledBatch batch = PolledBatch.read(records, reader, spec.privateTypes());
        noteSkippedTypes(batch);
        Map<TopicPartition, Long> storedBefore;
        try {
            Committed committed = untilDone(() -> applyTogether(batch));
            metrics.committed(committed.counts());
            storedBefore = committed.storedBefore();
        } catch (RuntimeException e) {
            Throwable effectFailure = effectFailure(e);
            if (effectFailure == null) {
                throw e;
            }
            Log.warnf(
                    "Batch consumer %s: the effect failed for a batch of %d records (%s); applying them one at a time",
                    spec.name(), batch.size(), effectFailure.toString());
            storedBefore = applyOneByOne(batch);
        }
        afterCommit(kafka, batch, storedBefore);
        sample.stop(metrics.batch());
    }

    // Once per type: a type the effect needs but the spec does not declare private would otherwise pass unnoticed.
    private void noteSkippedTypes(PolledBatch batch) {
        for (Entry entry : batch.entries()) {
            if (entry.kind() == PolledBatch.Kind.SKIPPED
                    && skippedTypes.size() < MAX_TYPES_NOTED
                    && skippedTypes.add(entry.event().type())) {
                Log.warnf(
                        "Batch consumer %s skips events of type %s, which this build does not know (their offsets are"
                                + " stored); an effect that reads them declares the type with"
                                + " BatchConsumerSpec.withPrivateTypes",
                        spec.name(), entry.event().type());
            }
        }
    }

    /** The whole batch in one transaction: the effect, dead letters, then the offsets after every record. */
    private Uni<Committed> applyTogether(PolledBatch batch) {
        return tenants.forPlatform(transaction -> offsets.claim(transaction, spec.name(), batch.partitions())
                .chain(stored -> {
                    List<IncomingEvent> events = new ArrayList<>();
                    List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();
                    int skipped = 0;
                    for (Entry entry : batch.notYetStored(stored)) {
                        switch (entry.kind()) {
                            case EVENT -> events.add(entry.event());
                            case SKIPPED -> skipped++;
                            case UNREADABLE -> deadLetters.add(DeadLetters.of(entry.record(), entry.error()));
                        }
                    }
                    Counts counts = new Counts(events.size(), skipped, deadLetters.size());
                    return applyEffect(transaction, events)
                            .chain(() -> deadLetter(deadLetters))
                            .chain(() -> offsets.store(transaction, spec.name(), batch.nextOffsets()))
                            .invoke(() -> beforeCommit.run())
                            .replaceWith(new Committed(counts, stored));
                }));
    }

    /**
     * After a non-transient failure of the effect: each record in its own transaction with its offset, so one poison
     * event goes to its dead-letter topic and the healthy ones around it are applied.
     *
     * @return the offsets that were stored before each record's transaction, the highest per partition
     */
    private Map<TopicPartition, Long> applyOneByOne(PolledBatch batch) {
        Map<TopicPartition, Long> storedBefore = new HashMap<>();
        for (Entry entry : batch.entries()) {
            Committed committed;
            try {
                committed = untilDone(() -> applyAlone(entry, null));
            } catch (RuntimeException e) {
                Throwable reason = effectFailure(e);
                if (reason == null) {
                    throw e;
                }
                Log.warnf(
                        "Batch consumer %s: event %s at %s/%d@%d failed for good (%s); it goes to the dead-letter topic",
                        spec.name(),
                        entry.event().id(),
                        entry.record().topic(),
                        entry.record().partition(),
                        entry.offset(),
                        reason.toString());
                committed = untilDone(() -> applyAlone(entry, reason));
            }
            metrics.committed(committed.counts());
            committed.storedBefore().forEach((partition, next) -> storedBefore.merge(partition, next, Math::max));
        }
        return storedBefore;
    }

    /** One record in its own transaction; dead-lettered with {@code deadLetterReason} when that is given. */
    private Uni<Committed> applyAlone(Entry entry, Throwable deadLetterReason) {
        TopicPartition partition = entry.partition();
        return tenants.forPlatform(transaction -> offsets.claim(transaction, spec.name(), List.of(partition))
                .chain(stored -> {
                    if (entry.offset() < stored.getOrDefault(partition, 0L)) {
                        return Uni.createFrom().item(new Committed(Counts.NONE, stored));
                    }
                    Uni<Counts> work;
                    if (deadLetterReason != null) {
                        work = deadLetter(List.of(DeadLetters.of(entry.record(), deadLetterReason)))
                                .replaceWith(Counts.ONE_DEAD_LETTERED);
                    } else {
                        work = switch (entry.kind()) {
                            case EVENT ->
                                applyEffect(transaction, List.of(entry.event())).replaceWith(Counts.ONE_APPLIED);
                            case SKIPPED -> Uni.createFrom().item(Counts.ONE_SKIPPED);
                            case UNREADABLE ->
                                deadLetter(List.of(DeadLetters.of(entry.record(), entry.error())))
                                        .replaceWith(Counts.ONE_DEAD_LETTERED);
                        };
                    }
                    return work.call(() ->
                                    offsets.store(transaction, spec.name(), Map.of(partition, entry.offset() + 1)))
                            .invoke(() -> beforeCommit.run())
                            .map(counts -> new Committed(counts, stored));
                }));
    }

    private Uni<Void> applyEffect(SqlConnection transaction, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<IncomingEvent> readOnly = Collections.unmodifiableList(events);
        return Uni.createFrom()
                .deferred(() -> effect.apply(transaction, readOnly))
                .onFailure()
                .transform(EffectFailedException::new);
    }

    // Acknowledged (acks=all) before the offsets past them are stored: a dead letter is never lost.
    private Uni<Void> deadLetter(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return producer.sendAll(records).replaceWithVoid();
    }

    /** Tells Kafka what the database holds (for lag tools) and catches up with offsets stored further on. */
    private void afterCommit(
            KafkaConsumer<String, byte[]> kafka, PolledBatch batch, Map<TopicPartition, Long> storedBefore) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        batch.nextOffsets().forEach((partition, next) -> {
            long stored = storedBefore.getOrDefault(partition, 0L);
            if (stored > next) {
                // Another instance applied this partition further while the group moved it: continue from there.
                kafka.seek(partition, stored);
            }
            commit.put(partition, new OffsetAndMetadata(Math.max(stored, next)));
        });
        kafka.commitAsync(commit, (committed, error) -> {
            if (error != null) {
                // Only informational: the stored offsets decide where the consumer resumes.
                Log.debugf("Batch consumer %s could not commit offsets to Kafka: %s", spec.name(), error.toString());
            }
        });
    }

    /**
     * Runs {@code work} and waits for it, again and again with back-off while it fails for a reason that may pass;
     * any other failure is thrown.
     *
     * @throws StopRequested when the consumer is asked to stop before the work succeeded
     */
    private <T> T untilDone(Supplier<Uni<T>> work) {
        int failures = 0;
        while (true) {
            if (stopping()) {
                throw new StopRequested();
            }
            try {
                return work.get().await().atMost(config.batchTimeout());
            } catch (RuntimeException e) {
                if (stopping()) {
                    throw new StopRequested();
                }
                if (!mayPass(e)) {
                    throw e;
                }
                failures++;
                Duration pause = backoff(failures);
                Log.warnf(
                        "Batch consumer %s: attempt %d failed (%s); trying again in %d ms",
                        spec.name(), failures, e.toString(), pause.toMillis());
                awaitStopRequest(pause);
            }
        }
    }

    private Duration backoff(int failures) {
        long initial = Math.max(1, initialBackoff.toMillis());
        long doubled = initial << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(doubled, maxBackoff.toMillis()));
    }

    private void awaitStopRequest(Duration pause) {
        try {
            stopRequested.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopRequested();
        }
    }

    /** The effect's own failure, when {@code failure} is one of the effect; null when the kit's own work failed. */
    private static Throwable effectFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EffectFailedException effectFailed) {
                return effectFailed.getCause();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    // The database's transient failures, the broker's retriable ones, and a batch that outlasted batch-timeout.
    private static boolean mayPass(Throwable failure) {
        if (TransientFailures.isTransient(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private void measureLag(KafkaConsumer<String, byte[]> kafka) {
        Set<TopicPartition> assigned = kafka.assignment();
        lagByPartition.keySet().retainAll(assigned);
        List<TopicPartition> unknown = new ArrayList<>();
        for (TopicPartition partition : assigned) {
            // From the last fetch response: no request to the broker.
            OptionalLong known = kafka.currentLag(partition);
            if (known.isPresent()) {
                lagByPartition.put(partition, known.getAsLong());
            } else {
                unknown.add(partition);
            }
        }
        long now = System.nanoTime();
        if (!unknown.isEmpty() && now - lastLagLookup >= LAG_LOOKUP_INTERVAL.toNanos()) {
            lastLagLookup = now;
            try {
                Map<TopicPartition, Long> ends = kafka.endOffsets(unknown, LAG_LOOKUP_TIMEOUT);
                for (TopicPartition partition : unknown) {
                    long position = kafka.position(partition, LAG_LOOKUP_TIMEOUT);
                    lagByPartition.put(partition, Math.max(0, ends.getOrDefault(partition, position) - position));
                }
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                // The lag is a metric: a failed look-up keeps the last values and is tried again a second later.
                Log.debugf("Batch consumer %s could not look up end offsets for its lag: %s", spec.name(), e);
            }
        }
        lag = lagByPartition.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Seeks newly assigned partitions to their stored offsets; without a stored one, Kafka's committed or earliest. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafka;

        SeekToStoredOffsets(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Set<TopicPartition> now = new HashSet<>(assignment);
            now.addAll(partitions);
            assignment = Set.copyOf(now);
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> stored = untilDone(() -> offsets.read(spec.name(), spec.topics()));
            for (TopicPartition partition : partitions) {
                Long next = stored.get(partition);
                if (next != null) {
                    kafka.seek(partition, next);
                }
            }
            Log.infof("Batch consumer %s assigned %s", spec.name(), partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to save: a batch's effects and offsets commit together, so nothing uncommitted matters.
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            Set<TopicPartition> now = new HashSet<>(assignment);
            now.removeAll(partitions);
            assignment = Set.copyOf(now);
        }
    }

    /** A committed transaction: what it did, and the offsets that were stored before it. */
    private record Committed(Counts counts, Map<TopicPartition, Long> storedBefore) {}

    /** The effect failed; its cause is the effect's own failure. */
    private static final class EffectFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EffectFailedException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Unwinds the consumer thread once a stop was asked for; the current batch is abandoned uncommitted. */
    private static final class StopRequested extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StopRequested() {
            super("the consumer is stopping", null, false, false);
        }
    }
}

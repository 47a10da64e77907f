package com.bpo.kit.consumer;

import com.bpo.kit.messaging.DeadLetterTopicStrategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The meters of one batch consumer name; instances of the same name share them. */
final class BatchConsumerMetrics {

    private final Counter applied;
    private final Counter skipped;
    private final Counter deadLettered;
    private final Counter deadLetteredOnChannel;
    private final Timer batch;

    BatchConsumerMetrics(MeterRegistry registry, String consumer) {
        this.applied = events(registry, consumer, "applied");
        this.skipped = events(registry, consumer, "skipped");
        this.deadLettered = events(registry, consumer, "dead-lettered");
        // The same meter as the kit's channels count their dead letters in, so one alert covers both.
        this.deadLetteredOnChannel = Counter.builder(DeadLetterTopicStrategy.DEAD_LETTERED)
                .description("Records that failed processing and were written to their dead-letter topic")
                .tag("channel", consumer)
                .register(registry);
        this.batch = Timer.builder(BatchConsumers.BATCH)
                .description("Time to apply one polled batch and store its offsets, retries included")
                .tag("consumer", consumer)
                .register(registry);
    }

    private static Counter events(MeterRegistry registry, String consumer, String outcome) {
        return Counter.builder(BatchConsumers.EVENTS)
                .description("Records a batch consumer committed, by what became of them")
                .tag("consumer", consumer)
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Counts what a committed transaction did. */
    void committed(Counts counts) {
        applied.increment(counts.applied());
        skipped.increment(counts.skipped());
        deadLettered.increment(counts.deadLettered());
        deadLetteredOnChannel.increment(counts.deadLettered());
    }

    Timer batch() {
        return batch;
    }

    /** What one committed transaction did with its records. */
    record Counts(int applied, int skipped, int deadLettered) {

        static final Counts NONE = new Counts(0, 0, 0);
        static final Counts ONE_APPLIED = new Counts(1, 0, 0);
        static final Counts ONE_SKIPPED = new Counts(0, 1, 0);
        static final Counts ONE_DEAD_LETTERED = new Counts(0, 0, 1);
    }
}

package com.bpo.kit.messaging;

import com.bpo.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The kit's failure strategy ({@code failure-strategy=bpo-dead-letter-topic}, the default of every incoming Kafka
 * channel): the connector's dead-letter-queue strategy, writing each failed record to the dead-letter topic of the
 * topic it was read from ({@code <topic>.dlq}, {@link Topics#deadLetterTopic}) and counting it in
 * {@code bpo.messaging.dead-lettered{channel}}.
 *
 * <p>The connector's strategy adds the error to the record's headers ({@code dead-letter-reason},
 * {@code dead-letter-cause}, {@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset}) and
 * commits the failed record's offset only after the dead-letter write is acknowledged, so the partition moves on and
 * nothing is lost. The dead-letter producer takes its settings from the channel's, with
 * {@code dead-letter-queue.*} keys first (the kit sets {@code acks=all} and idempotence there).
 */
@ApplicationScoped
@Unremovable
@Identifier(DeadLetterTopicStrategy.NAME)
public class DeadLetterTopicStrategy implements KafkaFailureHandler.Factory {

    /** The value of {@code failure-strategy} that selects this strategy. */
    public static final String NAME = "bpo-dead-letter-topic";

    /** Counter of records written to a dead-letter topic, tagged with the channel. */
    public static final String DEAD_LETTERED = "bpo.messaging.dead-lettered";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final MeterRegistry registry;
    private final AtomicBoolean stopping = new AtomicBoolean();

    DeadLetterTopicStrategy(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            MeterRegistry registry) {
        this.deadLetterQueue = deadLetterQueue;
        this.registry = registry;
    }

    @Override
    public KafkaFailureHandler create(
            KafkaConnectorIncomingConfiguration config,
            Vertx vertx,
            KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler delegate = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        Counter deadLettered = Counter.builder(DEAD_LETTERED)
                .description("Records that failed processing and were written to their dead-letter topic")
                .tag("channel", config.getChannel())
                .register(registry);
        return new ToDeadLetterTopic(delegate, deadLettered, stopping::get);
    }

    // Once the application stops, work fails because the database pool and clients close under it: such a record is
    // not poison and must not be dead-lettered. Left unacknowledged, its offset is not committed and it comes again.
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) {
        stopping.set(true);
    }

    /** Sends each failed record to the dead-letter topic of its own topic, then counts it. */
    static final class ToDeadLetterTopic implements KafkaFailureHandler {

        private final KafkaFailureHandler delegate;
        private final Counter deadLettered;
        private final BooleanSupplier stopping;

        ToDeadLetterTopic(KafkaFailureHandler delegate, Counter deadLettered, BooleanSupplier stopping) {
            this.delegate = delegate;
            this.deadLettered = deadLettered;
            this.stopping = stopping;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (stopping.getAsBoolean()) {
                Log.infof(
                        "Record %s/%d@%d failed while the application stops (%s); it is left uncommitted and comes"
                                + " again after the restart",
                        record.getTopic(), record.getPartition(), record.getOffset(), reason.getMessage());
                return Uni.createFrom().voidItem();
            }
            return delegate.handle(record, reason, withDeadLetterTopic(record, metadata))
                    .invoke(() -> deadLettered.increment());
        }

        @Override
        public void terminate() {
            delegate.terminate();
        }

        // The connector's strategy writes to the topic of the outgoing metadata when one is given: that is how one
        // channel reading several topics still sends each record to the dead-letter topic of its own topic.
        @SuppressWarnings("unchecked")
        static <K> Metadata withDeadLetterTopic(IncomingKafkaRecord<K, ?> record, Metadata metadata) {
            Metadata base = metadata == null ? Metadata.empty() : metadata;
            OutgoingKafkaRecordMetadata<K> given =
                    base.get(OutgoingKafkaRecordMetadata.class).orElse(null);
            if (given != null && given.getTopic() != null) {
                return base;
            }
            OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<K> target =
                    given == null ? OutgoingKafkaRecordMetadata.builder() : OutgoingKafkaRecordMetadata.from(given);
            return base.with(
                    target.withTopic(Topics.deadLetterTopic(record.getTopic())).build());
        }
    }
}

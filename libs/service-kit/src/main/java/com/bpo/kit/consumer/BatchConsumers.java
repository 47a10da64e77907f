package com.bpo.kit.consumer;

import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.MessagingConfig;
import com.bpo.kit.tenant.TenantConnections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * High-volume idempotent consumers (ARCHITECTURE section 4, second form): the effects of a whole polled batch and
 * the consumed offsets are stored in one database transaction, and the consumer seeks to its stored offsets when it
 * is assigned a partition, so each record's effect commits once however often Kafka delivers it.
 *
 * <pre>{@code
 * void start(@Observes StartupEvent startup) {
 *     consumers.start(new BatchConsumerSpec("chat-tables", List.of(Topics.CHAT_EVENTS), 2000, false), this::apply);
 * }
 *
 * Uni<Void> apply(SqlConnection transaction, List<IncomingEvent> events) { ... one set-based statement ... }
 * }</pre>
 *
 * <p>Each consumer is a plain Kafka consumer on a thread of its own, in group
 * {@code <quarkus.application.name>.<name>}, reading committed records only. For each poll: every record is read
 * (with or without the schema check); an unreadable one is sent to {@code <topic>.dlq} and counted, an event of an
 * unknown type is skipped; then one transaction with every brand visible locks the partitions' stored offsets, runs
 * the effect for the events not applied yet, waits for the dead-letter writes to be acknowledged, stores the offsets
 * after the batch and commits. The same offsets are then committed to Kafka, so that lag tools show the truth.
 *
 * <p>A failure that may pass runs the batch again after a back-off ({@code bpo.messaging.retry.*}, without a limit:
 * a database that is away blocks the consumer, it loses nothing). Any other failure of the effect applies the batch
 * one record at a time, each with its offset, and sends the events whose effect still fails to their dead-letter
 * topic: one poison event never blocks its partition and never takes healthy events with it. Any other failure of
 * the kit's own work ends the consumer, which the readiness check reports.
 *
 * <p>Metrics: {@code bpo.consumer.events{consumer, outcome=applied|skipped|dead-lettered}},
 * {@code bpo.consumer.batch{consumer}} (timer), {@code bpo.consumer.lag{consumer}} (records not yet read from the
 * assigned partitions, summed over this instance's consumers of that name) and
 * {@code bpo.messaging.dead-lettered{channel=<name>}}.
 */
@ApplicationScoped
public class BatchConsumers {

    /** Counter of records committed, tagged {@code consumer} and {@code outcome}. */
    public static final String EVENTS = "bpo.consumer.events";

    /** Timer of one polled batch, retries included, tagged {@code consumer}. */
    public static final String BATCH = "bpo.consumer.batch";

    /** Gauge of records not yet read from the assigned partitions, tagged {@code consumer}. */
    public static final String LAG = "bpo.consumer.lag";

    private final Map<String, Object> kafkaDefaults;
    private final BatchConsumerConfig config;
    private final KafkaBatchConsumer.Collaborators collaborators;
    private final MeterRegistry registry;
    private final String application;
    private final List<KafkaBatchConsumer> started = new CopyOnWriteArrayList<>();
    private final Set<String> lagGauges = ConcurrentHashMap.newKeySet();
    private final AtomicInteger instances = new AtomicInteger();
    private volatile boolean shuttingDown;

    BatchConsumers(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults,
            BatchConsumerConfig config,
            MessagingConfig messaging,
            TenantConnections tenants,
            Pool pool,
            EventProducer producer,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.kafkaDefaults = kafkaDefaults;
        this.config = config;
        this.collaborators = new KafkaBatchConsumer.Collaborators(
                tenants,
                new ConsumerOffsets(pool),
                producer,
                config,
                messaging.retry().initialBackoff(),
                messaging.retry().maxBackoff());
        this.registry = registry;
        this.application = application;
    }

    /**
     * Starts a consumer on a thread of its own; call it from a {@code StartupEvent} observer. The kit stops every
     * started consumer when the application shuts down, before the database pool closes.
     *
     * @throws IllegalStateException if the application is shutting down
     */
    public BatchConsumer start(BatchConsumerSpec spec, BatchEffect effect) {
        if (shuttingDown) {
            throw new IllegalStateException(
                    "the application is shutting down; consumer " + spec.name() + " not started");
        }
        int instance = instances.incrementAndGet();
        String groupId = application + "." + spec.name();
        String clientId = groupId + "-" + instance;
        KafkaBatchConsumer consumer = new KafkaBatchConsumer(
                spec,
                effect,
                consumerConfiguration(kafkaDefaults, config.kafka(), groupId, clientId, spec.maxBatchSize()),
                collaborators,
                new BatchConsumerMetrics(registry, spec.name()),
                "bpo-batch-consumer-" + spec.name() + "-" + instance,
                started::remove);
        started.add(consumer);
        if (lagGauges.add(spec.name())) {
            Gauge.builder(LAG, this, consumers -> consumers.lag(spec.name()))
                    .description("Records not yet read from the partitions assigned to the batch consumer")
                    .tag("consumer", spec.name())
                    .register(registry);
        }
        consumer.start();
        return consumer;
    }

    /** The consumers started and not stopped, the failed ones included. */
    List<KafkaBatchConsumer> started() {
        return List.copyOf(started);
    }

    private double lag(String name) {
        return started.stream()
                .filter(consumer -> consumer.name().equals(name))
                .mapToLong(KafkaBatchConsumer::lag)
                .sum();
    }

    // ShutdownEvent observers run before the datasource pool and the event producer close. IF_EXISTS: a service that
    // never started a consumer does not create this bean just to stop nothing.
    void stopAll(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent shutdown) {
        shuttingDown = true;
        List<KafkaBatchConsumer> running = started();
        // All at once, so the shutdown waits for the slowest batch, not for the sum of them.
        running.forEach(KafkaBatchConsumer::requestStop);
        running.forEach(consumer -> consumer.awaitStopped(config.stopTimeout()));
    }

    /**
     * The settings a consumer's Kafka client is created with: the consumer settings of {@code kafkaDefaults} (the
     * application's {@code kafka.*}, so TLS and SASL are those of the channels), then {@code overrides}, then what the
     * guarantees depend on: the group, no automatic commits, the earliest offset for a new group, committed records
     * only, at most {@code maxBatchSize} records per poll, and the deserializers.
     */
    static Map<String, Object> consumerConfiguration(
            Map<String, Object> kafkaDefaults,
            Map<String, String> overrides,
            String groupId,
            String clientId,
            int maxBatchSize) {
        Set<String> known = ConsumerConfig.configNames();
        Map<String, Object> settings = new HashMap<>();
        // The default configuration also carries producer and connector settings; a consumer only takes its own.
        kafkaDefaults.forEach((name, value) -> {
            if (known.contains(name)) {
                settings.put(name, value);
            }
        });
        settings.putAll(overrides);
        // Static membership would make two instances of one consumer fence each other off.
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Records of aborted or still open producer transactions are never applied.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatchSize);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return Map.copyOf(settings);
    }
}

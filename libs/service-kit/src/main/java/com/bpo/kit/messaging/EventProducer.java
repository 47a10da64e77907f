package com.bpo.kit.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one idempotent Kafka producer ({@code acks=all}, {@code enable.idempotence=true}) of a service, shared by the
 * outbox relay and the {@link FactPublisher}. It starts from the application's {@code kafka.*} settings (the
 * {@code default-kafka-broker} configuration, so TLS and SASL settings are the same as the channels'), adds
 * {@code bpo.messaging.producer.*} and then forces the settings the delivery guarantees depend on.
 *
 * <p>The Kafka client is created on first use and every {@code send} runs on a worker thread: creating the client
 * resolves host names and {@code send} blocks while it fetches a topic's metadata or while its buffer is full, and
 * neither may happen on the event loop. Results are delivered back on the caller's Vert.x context, if it had one.
 */
@Singleton
public class EventProducer {

    static final String DEFAULT_CLIENT_ID = "bpo-kit-events";

    // Above five in-flight requests an idempotent producer may reorder records of a partition on retries.
    private static final int MAX_IN_FLIGHT_FOR_ORDERING = 5;

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> configuration;
    private final Event<Producer<?, ?>> producerCreated;
    private final Executor sendingThreads = Infrastructure.getDefaultWorkerPool();

    private KafkaProducer<String, byte[]> producer;
    private boolean closed;

    EventProducer(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults,
            MessagingConfig config,
            Event<Producer<?, ?>> producerCreated) {
        this.configuration = producerConfiguration(kafkaDefaults, config.producer());
        this.producerCreated = producerCreated;
    }

    /**
     * The settings the Kafka client is created with: the known producer settings of {@code kafkaDefaults}, then
     * {@code overrides}, then {@code acks=all}, idempotence, at most five requests in flight and the serializers.
     */
    static Map<String, Object> producerConfiguration(Map<String, Object> kafkaDefaults, Map<String, String> overrides) {
        Set<String> known = ProducerConfig.configNames();
        Map<String, Object> settings = new HashMap<>();
        // The default configuration also carries consumer settings (group.id, ...); a producer only takes its own.
        kafkaDefaults.forEach((name, value) -> {
            if (known.contains(name)) {
                settings.put(name, value);
            }
        });
        settings.putAll(overrides);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Object inFlight = settings.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight == null || Integer.parseInt(inFlight.toString()) > MAX_IN_FLIGHT_FOR_ORDERING) {
            settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, MAX_IN_FLIGHT_FOR_ORDERING);
        }
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return Map.copyOf(settings);
    }

    /** The settings the Kafka client is (or will be) created with. */
    public Map<String, Object> configuration() {
        return configuration;
    }

    /**
     * Sends {@code records} in their order with asynchronous sends and completes when the broker has acknowledged
     * every one of them (with {@code acks=all}: written to all in-sync replicas). Fails with the first error if any
     * record is not acknowledged; records of the batch may then still have been written (at least once).
     *
     * @return the metadata of each record, in the order of {@code records}
     */
    public Uni<List<RecordMetadata>> sendAll(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<ProducerRecord<String, byte[]>> batch = List.copyOf(records);
        Uni<List<RecordMetadata>> acknowledged = Uni.createFrom()
                .<List<RecordMetadata>>emitter(emitter -> send(batch, new Acknowledgements(batch.size(), emitter)))
                .runSubscriptionOn(sendingThreads);
        return VertxContexts.emitOnCallerContext(acknowledged);
    }

    private void send(List<ProducerRecord<String, byte[]>> batch, Acknowledgements acknowledgements) {
        try {
            KafkaProducer<String, byte[]> client = client();
            // Stops at the first failure the client reports while sending (it reports a record that is too large
            // through the callback, not by throwing): later records of the same key must not overtake it.
            for (int i = 0; i < batch.size() && !acknowledgements.hasFailed(); i++) {
                int index = i;
                client.send(batch.get(i), (metadata, error) -> acknowledgements.record(index, metadata, error));
            }
        } catch (RuntimeException e) {
            // send() fails at once when the client is closed, a record is too large or metadata did not come in time.
            acknowledgements.fail(e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> client() {
        if (closed) {
            throw new IllegalStateException("the event producer is closed: the application is stopping");
        }
        if (producer == null) {
            producer = new KafkaProducer<>(configuration);
            // Lets the metrics extension bind the client's metrics, as it does for the channels' clients.
            producerCreated.fire(producer);
            Log.infof(
                    "Kafka event producer %s created (acks=all, idempotent)",
                    configuration.get(ProducerConfig.CLIENT_ID_CONFIG));
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        if (producer != null) {
            // Waits for records in flight, so that acknowledged work is not cut off.
            producer.close(CLOSE_TIMEOUT);
            producer = null;
        }
    }

    /** Collects the acknowledgements of one batch; completes once all arrived, fails on the first error. */
    private static final class Acknowledgements {

        private final AtomicReferenceArray<RecordMetadata> metadata;
        private final AtomicInteger pending;
        private final AtomicBoolean failed = new AtomicBoolean();
        private final UniEmitter<? super List<RecordMetadata>> emitter;

        Acknowledgements(int size, UniEmitter<? super List<RecordMetadata>> emitter) {
            this.metadata = new AtomicReferenceArray<>(size);
            this.pending = new AtomicInteger(size);
            this.emitter = emitter;
        }

        void record(int index, RecordMetadata recordMetadata, Exception error) {
            if (error != null) {
                fail(error);
                return;
            }
            metadata.set(index, recordMetadata);
            if (pending.decrementAndGet() == 0 && !failed.get()) {
                RecordMetadata[] all = new RecordMetadata[metadata.length()];
                Arrays.setAll(all, metadata::get);
                emitter.complete(List.of(all));
            }
        }

        boolean hasFailed() {
            return failed.get();
        }

        void fail(Throwable error) {
            if (failed.compareAndSet(false, true)) {
                emitter.fail(error);
            }
        }
    }
}

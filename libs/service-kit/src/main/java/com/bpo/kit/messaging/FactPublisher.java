package com.bpo.kit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes facts received from outside straight to Kafka (ARCHITECTURE section 4): each becomes a binary CloudEvent
 * with its deterministic id, and the returned {@code Uni} completes only once the broker has acknowledged every record
 * of the batch ({@code acks=all}, idempotent producer). Answer the sender only then; if the {@code Uni} fails, answer
 * with an error so that the sender retries: a retry publishes the same ids, which consumers ignore.
 *
 * <p>Each payload is checked against its JSON Schema in dev and test mode; in production only if
 * {@code bpo.messaging.facts.validate-schemas=true} (see {@link MessagingConfig.Facts#validateSchemas()}). A fact is
 * built by the service from typed fields it has validated; the tests, which run every publishing path with the check,
 * show that those records match their schemas, and the check costs more than serialising the fact. The size limit of
 * {@link OutgoingEvent#MAX_PAYLOAD_BYTES} always holds.
 *
 * <p>A batch is sent with asynchronous sends and one wait for all acknowledgements, never one round trip per record.
 */
@ApplicationScoped
public class FactPublisher {

    private final EventProducer producer;
    private final String source;
    private final boolean validateSchemas;
    private final Counter published;

    FactPublisher(EventProducer producer, MessagingConfig config, MeterRegistry registry) {
        this.producer = producer;
        this.source = config.source();
        this.validateSchemas = validatesSchemas(config.facts().validateSchemas(), LaunchMode.current());
        this.published = Counter.builder("bpo.facts.published")
                .description("Facts published straight to Kafka and acknowledged by the broker")
                .register(registry);
    }

    /** Whether payloads are checked against their schemas: as configured, else outside production only. */
    static boolean validatesSchemas(Optional<Boolean> configured, LaunchMode mode) {
        return configured.orElse(mode != LaunchMode.NORMAL);
    }

    /**
     * Publishes {@code facts} in their order.
     *
     * @return the event ids, in the order of {@code facts}, once all are acknowledged; fails with
     *     {@link com.bpo.contracts.InvalidEventException} before anything is sent if a payload is checked and does not
     *     match its schema, or with the broker's error if any record was not acknowledged
     */
    public Uni<List<String>> publish(List<Fact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Fact> batch = List.copyOf(facts);
        // Serialising a large batch takes milliseconds of CPU: not on the event loop.
        Uni<Records> records =
                Uni.createFrom().item(() -> toRecords(batch)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        Uni<List<String>> acknowledged = records.chain(prepared -> producer.sendAll(prepared.records())
                .invoke(metadata -> published.increment(metadata.size()))
                .map(metadata -> prepared.ids()));
        return VertxContexts.emitOnCallerContext(acknowledged);
    }

    /** Publishes one fact; see {@link #publish(List)}. */
    public Uni<String> publish(Fact fact) {
        return publish(List.of(fact)).map(ids -> ids.get(0));
    }

    /**
     * Publishes records that were prepared with {@link #toRecord(Fact, String)}, for callers that build a batch's
     * records on a worker thread of their own together with other work. Completes when all are acknowledged.
     */
    public Uni<Integer> publishRecords(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return producer.sendAll(records)
                .invoke(metadata -> published.increment(metadata.size()))
                .map(List::size);
    }

    /**
     * The Kafka record of {@code fact} with its id {@code eventId} ({@link Fact#eventId()}): serialised, its size
     * checked, and its schema checked where this publisher checks schemas. Pure CPU work; call it off the event loop.
     *
     * @throws com.bpo.contracts.InvalidEventException if the payload is checked and does not match its schema
     */
    public ProducerRecord<String, byte[]> toRecord(Fact fact, String eventId) {
        OutgoingEvent event = fact.event();
        byte[] json = validateSchemas ? event.validatedPayload() : event.payloadJson();
        return CloudEventRecords.toRecord(event, eventId, source, json);
    }

    private record Records(List<ProducerRecord<String, byte[]>> records, List<String> ids) {}

    private Records toRecords(List<Fact> facts) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(facts.size());
        String[] ids = new String[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            ids[i] = facts.get(i).eventId();
            records.add(toRecord(facts.get(i), ids[i]));
        }
        return new Records(records, Arrays.asList(ids));
    }
}

package com.bpo.kit.messaging;

import com.bpo.contracts.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes facts received from outside straight to Kafka (ARCHITECTURE section 4): each is checked against its
 * schema, becomes a binary CloudEvent with its deterministic id, and the returned {@code Uni} completes only once the
 * broker has acknowledged every record of the batch ({@code acks=all}, idempotent producer). Answer the sender only
 * then; if the {@code Uni} fails, answer with an error so that the sender retries: a retry publishes the same ids,
 * which consumers ignore.
 *
 * <p>A batch is sent with asynchronous sends and one wait for all acknowledgements, never one round trip per record.
 */
@ApplicationScoped
public class FactPublisher {

    private final EventProducer producer;
    private final String source;
    private final Counter published;

    FactPublisher(EventProducer producer, MessagingConfig config, MeterRegistry registry) {
        this.producer = producer;
        this.source = config.source();
        this.published = Counter.builder("bpo.facts.published")
                .description("Facts published straight to Kafka and acknowledged by the broker")
                .register(registry);
    }

    /**
     * Publishes {@code facts} in their order.
     *
     * @return the event ids, in the order of {@code facts}, once all are acknowledged; fails with
     *     {@link com.bpo.contracts.InvalidEventException} before anything is sent if a payload does not match its
     *     schema, or with the broker's error if any record was not acknowledged
     */
    public Uni<List<String>> publish(List<Fact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Fact> batch = List.copyOf(facts);
        // Serialising and validating a large batch takes milliseconds of CPU: not on the event loop.
        Uni<List<ProducerRecord<String, byte[]>>> records =
                Uni.createFrom().item(() -> toRecords(batch)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        Uni<List<String>> acknowledged = records.chain(producer::sendAll)
                .invoke(metadata -> published.increment(metadata.size()))
                .map(metadata -> batch.stream().map(Fact::eventId).toList());
        return VertxContexts.emitOnCallerContext(acknowledged);
    }

    /** Publishes one fact; see {@link #publish(List)}. */
    public Uni<String> publish(Fact fact) {
        return publish(List.of(fact)).map(ids -> ids.get(0));
    }

    private List<ProducerRecord<String, byte[]>> toRecords(List<Fact> facts) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            OutgoingEvent event = fact.event();
            EventEnvelope envelope = event.envelope(fact.eventId(), source, event.validatedPayload());
            records.add(CloudEventRecords.toRecord(event.topic(), event.key(), envelope, event.headers()));
        }
        return records;
    }
}

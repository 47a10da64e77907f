package com.bpo.systemtests;

import com.bpo.contracts.EventDefinition;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventIds;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events the way the platform's producers do: binary-mode CloudEvents on the catalog's topic, keyed by the
 * aggregate, checked against their JSON Schema, with an idempotent producer ({@code acks=all}). The event id is derived
 * from the type, brand and payload, so an event published twice carries the same {@code ce_id}, like a re-sent fact.
 */
final class CloudEventPublisher implements AutoCloseable {

    private static final String SOURCE = "/system-tests";

    private final KafkaProducer<String, byte[]> producer;

    CloudEventPublisher(String bootstrapServers) {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes {@code events} in their order and returns once the broker acknowledged every one. */
    void publish(List<KpiTraffic.TimedEvent> events) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(events.size());
        for (KpiTraffic.TimedEvent event : events) {
            acknowledgements.add(producer.send(toRecord(event)));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge an event", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(KpiTraffic.TimedEvent event) {
        EventPayload payload = event.payload();
        EventDefinition definition = EventTypes.definitionOf(payload.getClass());
        byte[] json = EventJson.toBytes(payload);
        EventSchemas.requireValid(definition.type(), json);
        String brandId = component(payload, "brandId");
        String id = EventIds.nameBased(
                        EventIds.PLATFORM_NAMESPACE,
                        definition.type() + "|" + brandId + "|" + new String(json, StandardCharsets.UTF_8))
                .toString();
        EventEnvelope envelope = new EventEnvelope(
                id,
                definition.type(),
                SOURCE,
                event.at(),
                payload.key(),
                brandId,
                component(payload, "vendorId"),
                json);
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, byte[]> header : envelope.toHeaders().entrySet()) {
            headers.add(header.getKey(), header.getValue());
        }
        return new ProducerRecord<>(definition.topic(), null, null, payload.key(), json, headers);
    }

    /** A string component of the payload record ({@code brandId}, {@code vendorId}), or null when it has none. */
    private static String component(EventPayload payload, String name) {
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals(name) && component.getType() == String.class) {
                try {
                    return (String) component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + payload, e);
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        producer.close();
    }
}

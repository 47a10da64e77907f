package com.bpo.kit.consumer;

import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.Topics;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.kit.messaging.CloudEventRecords;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.messaging.SampleEvents;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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

/** A topic of one test (with its dead-letter topic) and a producer that writes events to it in bulk. */
final class TestEvents implements AutoCloseable {

    static final String SOURCE = "/service-kit-test";

    final String topic = "kit-test.batch-" + UUID.randomUUID().toString().substring(0, 8);
    final KafkaTestClient kafka;
    private final KafkaProducer<String, byte[]> producer;

    TestEvents() {
        String bootstrapServers = InfraTestResource.kafka().bootstrapServers();
        kafka = new KafkaTestClient(bootstrapServers);
        kafka.createTopic(topic, Topics.DEFAULT_PARTITIONS);
        kafka.createTopic(Topics.deadLetterTopic(topic), Topics.DEFAULT_PARTITIONS);
        Properties props = new Properties();
        props.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        props.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    /** A valid message-sent event of {@code brandId} in conversation {@code key}. */
    static EventEnvelope messageSent(String brandId, String key) {
        MessageSent payload = SampleEvents.messageSent(brandId, key, "msg-" + UUID.randomUUID());
        return OutgoingEvent.of(payload)
                .withBrand(brandId)
                .envelope(UUID.randomUUID().toString(), SOURCE, EventJson.toBytes(payload));
    }

    /** An event of a type outside the contracts' catalog, with a JSON payload. */
    static EventEnvelope ofType(String type, String brandId, String key) {
        byte[] json = ("{\"note\": \"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
        return new EventEnvelope(UUID.randomUUID().toString(), type, SOURCE, null, key, brandId, null, json);
    }

    /**
     * Sends {@code perConversation} messages for each of {@code conversations} conversations of {@code brandId},
     * interleaved, and waits until the broker acknowledged them all.
     */
    List<EventEnvelope> sendMessages(String brandId, int conversations, int perConversation) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        String prefix = "conv-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int round = 0; round < perConversation; round++) {
            for (int conversation = 0; conversation < conversations; conversation++) {
                String key = prefix + conversation;
                EventEnvelope event = messageSent(brandId, key);
                events.add(event);
                records.add(CloudEventRecords.toRecord(topic, key, event, Map.of()));
            }
        }
        sendAll(records);
        return events;
    }

    /** Sends one event with {@code key} and waits for the acknowledgement. */
    RecordMetadata send(String key, EventEnvelope event) {
        return sendAll(List.of(CloudEventRecords.toRecord(topic, key, event, Map.of())))
                .get(0);
    }

    /** Sends a record that is not necessarily an event, with UTF-8 {@code headers}. */
    RecordMetadata sendRaw(String key, byte[] value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, text) -> recordHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return sendAll(List.of(new ProducerRecord<>(topic, null, key, value, recordHeaders)))
                .get(0);
    }

    private List<RecordMetadata> sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        List<RecordMetadata> acknowledged = new ArrayList<>();
        try {
            for (Future<RecordMetadata> future : sent) {
                acknowledged.add(future.get(30, TimeUnit.SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
        return acknowledged;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        kafka.close();
    }
}

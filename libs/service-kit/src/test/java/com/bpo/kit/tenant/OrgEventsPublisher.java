package com.bpo.kit.tenant;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.Topics;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.EngagementRole;
import com.bpo.contracts.org.ServiceWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Publishes organisation events on {@code org.events} the way agent-service does: binary CloudEvents, key
 * {@code engagement:<id>}. Every record goes to one partition so that a test can rely on their order.
 */
final class OrgEventsPublisher implements AutoCloseable {

    static final int PARTITION = 0;

    private final KafkaProducer<String, byte[]> producer;

    OrgEventsPublisher() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class.getName()));
    }

    static EngagementChanged engagement(
            String engagementId, String brandId, String vendorId, boolean active, Instant validFrom, Instant validTo) {
        return new EngagementChanged(
                engagementId,
                brandId,
                vendorId,
                List.of("shop-" + brandId),
                List.of(Channel.CHAT),
                List.of(EngagementRole.PRE_SALES),
                List.of(new ServiceWindow(List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))),
                ZoneId.of("Asia/Shanghai"),
                active,
                validFrom,
                validTo,
                null,
                null);
    }

    static EngagementChanged engagement(String engagementId, String brandId, String vendorId, boolean active) {
        return engagement(engagementId, brandId, vendorId, active, null, null);
    }

    /** Publishes the engagement's state as of {@code time} and returns the event id. */
    String publish(EngagementChanged engagement, Instant time) {
        return publish(
                EventTypes.ENGAGEMENT_CHANGED,
                engagement.key(),
                engagement.brandId(),
                engagement.vendorId(),
                EventJson.toBytes(engagement),
                time);
    }

    /** Publishes any payload as an organisation event of {@code type} and returns the event id. */
    String publish(String type, String key, String brandId, String vendorId, byte[] payload, Instant time) {
        String id = UUID.randomUUID().toString();
        EventEnvelope event = new EventEnvelope(id, type, "/agent-service", time, key, brandId, vendorId, payload);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORG_EVENTS, PARTITION, key, payload);
        event.toHeaders().forEach((name, value) -> record.headers().add(name, value));
        send(record);
        return id;
    }

    /** Publishes a tombstone: the aggregate was deleted from the compacted topic. */
    void tombstone(String key) {
        send(new ProducerRecord<>(Topics.ORG_EVENTS, PARTITION, key, null));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

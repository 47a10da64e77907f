package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EventProducerConfigurationTest {

    @Test
    void deliveryGuaranteesWinOverAnyConfiguration() {
        Map<String, Object> settings = EventProducer.producerConfiguration(
                Map.of("bootstrap.servers", "127.0.0.1:19092", "acks", "1"),
                Map.of("enable.idempotence", "false", "acks", "0", "value.serializer", "x.Y"));

        assertThat(settings)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName())
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:19092");
    }

    @Test
    void sharedConnectionSettingsAreKeptAndConsumerSettingsDropped() {
        Map<String, Object> settings = EventProducer.producerConfiguration(
                Map.of(
                        "bootstrap.servers", "broker:9093",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "group.id", "ticket-service",
                        "auto.offset.reset", "earliest"),
                Map.of());

        assertThat(settings)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKeys("group.id", "auto.offset.reset")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, EventProducer.DEFAULT_CLIENT_ID);
    }

    @Test
    void moreThanFiveRequestsInFlightAreCappedToKeepTheOrderPerPartition() {
        Map<String, Object> capped = EventProducer.producerConfiguration(
                Map.of(), Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "10"));
        Map<String, Object> kept = EventProducer.producerConfiguration(
                Map.of(), Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "2"));

        assertThat(capped).containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        assertThat(kept).containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "2");
    }

    @Test
    void producerSettingsOfTheKitOverrideTheApplicationDefaults() {
        Map<String, Object> settings = EventProducer.producerConfiguration(
                Map.of("linger.ms", "0", "client.id", "app"), Map.of("linger.ms", "5", "client.id", "ticket-events"));

        assertThat(settings).containsEntry("linger.ms", "5").containsEntry("client.id", "ticket-events");
    }
}

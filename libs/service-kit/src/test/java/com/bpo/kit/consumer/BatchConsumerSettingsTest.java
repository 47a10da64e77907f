package com.bpo.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class BatchConsumerSettingsTest {

    @Test
    void guaranteesWinOverAnyConfiguration() {
        Map<String, Object> settings = BatchConsumers.consumerConfiguration(
                Map.of("bootstrap.servers", "127.0.0.1:19092", "enable.auto.commit", "true", "group.id", "app"),
                Map.of(
                        "auto.offset.reset", "latest",
                        "isolation.level", "read_uncommitted",
                        "max.poll.records", "5000",
                        "value.deserializer", "x.Y"),
                "agent-service.chat-tables",
                "agent-service.chat-tables-1",
                2000);

        assertThat(settings)
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:19092")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "agent-service.chat-tables")
                .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "agent-service.chat-tables-1")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)
                .containsEntry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName())
                .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    }

    @Test
    void sharedConnectionSettingsAreKeptAndOtherSettingsDropped() {
        Map<String, Object> settings = BatchConsumers.consumerConfiguration(
                Map.of(
                        "bootstrap.servers", "broker:9093",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "acks", "all",
                        "linger.ms", "5",
                        "group.instance.id", "pod-1"),
                Map.of("max.partition.fetch.bytes", "4194304"),
                "ticket-service.kpis",
                "ticket-service.kpis-1",
                500);

        assertThat(settings)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("max.partition.fetch.bytes", "4194304")
                .doesNotContainKeys("acks", "linger.ms", ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }
}

package com.bpo.analytics.testing;

import static org.awaitility.Awaitility.await;

import com.bpo.analytics.kpi.facts.KpiFacts;
import com.bpo.contracts.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Waits until the {@code kpi-facts} consumer has applied everything its topics hold now: for every partition, the
 * offset it stored with its last batch ({@code kit_consumer_offset}, written in the batch's transaction) has reached
 * the partition's end offset. Call it after the broker acknowledged the records a test published; the fact tables
 * then hold them, whatever order the partitions were read in.
 */
public final class ConsumerCatchUp {

    private static final String STORED_OFFSETS =
            "select topic, partition, next_offset from kit_consumer_offset where consumer = ?";

    private ConsumerCatchUp() {}

    /**
     * Returns once every record on the consumer's topics has been applied (or dead-lettered).
     *
     * @throws org.awaitility.core.ConditionTimeoutException if that takes longer than {@code patience}
     */
    public static void awaitApplied(Duration patience) {
        Map<TopicPartition, Long> ends = endOffsets();
        await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(ends));
    }

    private static Map<TopicPartition, Long> endOffsets() {
        Properties properties = new Properties();
        properties.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.KPI_SOURCES) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    private static boolean caughtUp(Map<TopicPartition, Long> ends) throws SQLException {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(STORED_OFFSETS)) {
            query.setString(1, KpiFacts.CONSUMER);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        }
        return ends.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || stored.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    // kit_consumer_offset is platform plumbing without row-level security: the application's role reads it.
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}

package com.bpo.bench;

import com.bpo.infra.KafkaEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many records a topic holds and how large they are, from a sample read from the start of every partition.
 *
 * @param records records in the topic (sum of the partitions' end offsets; the topics are never truncated here)
 * @param sampled records read for the sizes
 * @param valueBytes average value size
 * @param keyBytes average key size
 * @param headerBytes average size of the headers' names and values (the CloudEvent attributes)
 */
record TopicSample(long records, long sampled, double valueBytes, double keyBytes, double headerBytes) {

    /** Key, value and headers: what one record carries, and what ProducerPerformance is asked to send. */
    double recordBytes() {
        return valueBytes + keyBytes + headerBytes;
    }

    static TopicSample read(KafkaEndpoint kafka, String topic, int maxSample) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> partitionInfos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            List<TopicPartition> partitions = partitionInfos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long records = ends.values().stream().mapToLong(Long::longValue).sum();
            consumer.seekToBeginning(partitions);
            long sampled = 0;
            long valueBytes = 0;
            long keyBytes = 0;
            long headerBytes = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sampled < Math.min(maxSample, records) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    sampled++;
                    valueBytes += record.value() == null ? 0 : record.value().length;
                    keyBytes += record.key() == null ? 0 : record.key().length;
                    for (Header header : record.headers()) {
                        headerBytes += header.key().getBytes(StandardCharsets.UTF_8).length
                                + (header.value() == null ? 0 : header.value().length);
                    }
                }
            }
            if (sampled == 0) {
                return new TopicSample(records, 0, 0, 0, 0);
            }
            return new TopicSample(
                    records,
                    sampled,
                    (double) valueBytes / sampled,
                    (double) keyBytes / sampled,
                    (double) headerBytes / sampled);
        }
    }
}

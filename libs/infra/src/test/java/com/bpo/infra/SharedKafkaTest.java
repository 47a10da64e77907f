package com.bpo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SharedKafkaTest {

    @Test
    void platformTopicsExistWithSixPartitionsAndCompactedOrgEvents() throws Exception {
        KafkaEndpoint kafka = SharedServers.kafka();
        try (Admin admin = kafka.admin()) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> expected = Topics.ALL_WITH_DEAD_LETTERS.stream()
                    .map(Topics.TopicSpec::name)
                    .toList();
            assertThat(names).containsAll(expected).contains("chat.events.dlq", "org.events.dlq");

            Map<String, TopicDescription> topics =
                    admin.describeTopics(expected).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(topics.values())
                    .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(6));

            ConfigResource orgEvents = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ORG_EVENTS);
            ConfigResource orgDeadLetters = new ConfigResource(ConfigResource.Type.TOPIC, "org.events.dlq");
            var configs = admin.describeConfigs(List.of(orgEvents, orgDeadLetters))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            assertThat(configs.get(orgEvents).get(TopicConfig.CLEANUP_POLICY_CONFIG))
                    .extracting(ConfigEntry::value)
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(configs.get(orgDeadLetters).get(TopicConfig.CLEANUP_POLICY_CONFIG))
                    .extracting(ConfigEntry::value)
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    @Test
    void recordProducedWithAcksAllIsConsumedWithItsHeaders() throws Exception {
        KafkaEndpoint kafka = SharedServers.kafka();
        String key = "conversation-" + System.nanoTime();
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(Topics.CHAT_EVENTS, key, "{\"text\":\"hello\"}");
            record.headers().add("ce_type", "bpo.chat.message-sent.v1".getBytes(StandardCharsets.UTF_8));
            sent = producer.send(record).get(30, TimeUnit.SECONDS);
        }

        TopicPartition partition = new TopicPartition(Topics.CHAT_EVENTS, sent.partition());
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received).first().satisfies(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(record.value()).isEqualTo("{\"text\":\"hello\"}");
            assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("bpo.chat.message-sent.v1");
        });
    }

    @Test
    void secondCallReusesTheRunningBroker() {
        ServerLauncher launcher = SharedServers.launcher();
        KafkaEndpoint first = SharedServers.kafka();
        ServerState firstState = launcher.running(ServerKind.KAFKA).orElseThrow();

        KafkaEndpoint second = SharedServers.kafka();

        assertThat(second).isEqualTo(first);
        assertThat(launcher.running(ServerKind.KAFKA).orElseThrow().daemon()).isEqualTo(firstState.daemon());
    }

    @Test
    void topicsAreNeverCreatedByAccident() throws Exception {
        KafkaEndpoint kafka = SharedServers.kafka();
        Properties props = new Properties();
        props.putAll(producerConfig(kafka));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            var send = producer.send(new ProducerRecord<>("no.such.topic", "k", "v"));
            assertThat(send).failsWithin(Duration.ofSeconds(10));
        }
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain("no.such.topic");
        }
    }

    private static KafkaProducer<String, String> producer(KafkaEndpoint kafka) {
        return new KafkaProducer<>(producerConfig(kafka));
    }

    private static Map<String, Object> producerConfig(KafkaEndpoint kafka) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    }

    private static KafkaConsumer<String, String> consumer(KafkaEndpoint kafka) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
    }
}

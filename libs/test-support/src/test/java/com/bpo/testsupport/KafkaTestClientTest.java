package com.bpo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.Topics;
import com.bpo.infra.SharedServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaTestClientTest {

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(SharedServers.kafka().bootstrapServers());
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void sentRecordIsFoundWithItsKeyValueAndHeaders() {
        String conversation = UUID.randomUUID().toString();

        kafka.send(
                Topics.CHAT_EVENTS, conversation, "{\"text\":\"hi\"}", Map.of("ce_type", "bpo.chat.message-sent.v1"));

        ConsumerRecord<String, String> found = kafka.awaitRecord(
                Topics.CHAT_EVENTS, record -> conversation.equals(record.key()), Duration.ofSeconds(20));
        assertThat(found.value()).isEqualTo("{\"text\":\"hi\"}");
        assertThat(KafkaTestClient.header(found, "ce_type")).isEqualTo("bpo.chat.message-sent.v1");
        assertThat(KafkaTestClient.header(found, "ce_id")).isNull();
    }

    @Test
    void readAllReturnsEveryRecordOfATopicAcrossPartitions() {
        String topic = "test-support.read-all." + UUID.randomUUID();
        kafka.createTopic(topic, 3);
        for (int i = 0; i < 12; i++) {
            kafka.send(topic, "key-" + i, "value-" + i, Map.of());
        }

        List<ConsumerRecord<String, String>> records = kafka.readAll(topic);

        assertThat(records).hasSize(12);
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
        assertThat(records).extracting(ConsumerRecord::value).contains("value-0", "value-11");
    }

    @Test
    void awaitFailsWhenTheConditionNeverHolds() {
        String topic = "test-support.await." + UUID.randomUUID();
        kafka.createTopic(topic, 1);
        kafka.send(topic, "k", "only", Map.of());

        assertThatThrownBy(() -> kafka.awaitRecords(topic, records -> records.size() > 1, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 records of " + topic);
    }

    @Test
    void creatingAnExistingTopicKeepsIt() {
        String topic = "test-support.existing." + UUID.randomUUID();
        kafka.createTopic(topic, 2);
        kafka.send(topic, "k", "kept", Map.of());

        kafka.createTopic(topic, 2);

        assertThat(kafka.readAll(topic)).extracting(ConsumerRecord::value).containsExactly("kept");
    }
}

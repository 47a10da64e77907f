package com.bpo.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.kit.consumer.PolledBatch.Entry;
import com.bpo.kit.consumer.PolledBatch.Kind;
import com.bpo.kit.messaging.IncomingEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PolledBatchTest {

    private static final TopicPartition P0 = new TopicPartition("chat.events", 0);
    private static final TopicPartition P3 = new TopicPartition("chat.events", 3);

    @Test
    void eachRecordIsReadOnceIntoWhatBecomesOfIt() {
        ConsumerRecord<String, byte[]> event = TrustedEventsTest.record(TestEvents.messageSent("brand-a", "c"), 10);
        ConsumerRecord<String, byte[]> unknown =
                TrustedEventsTest.record(TestEvents.ofType("bpo.kit-test.future.v1", "brand-a", "c"), 11);
        ConsumerRecord<String, byte[]> own =
                TrustedEventsTest.record(TestEvents.ofType("bpo.kit-test.own.v1", "brand-a", "c"), 12);
        ConsumerRecord<String, byte[]> garbage =
                new ConsumerRecord<>("chat.events", 3, 13, "c", "x".getBytes(StandardCharsets.UTF_8));

        PolledBatch batch = PolledBatch.read(
                records(Map.of(P3, List.of(event, unknown, own, garbage))),
                IncomingEvents::read,
                Set.of("bpo.kit-test.own.v1"));

        assertThat(batch.entries())
                .extracting(Entry::kind)
                .containsExactly(Kind.EVENT, Kind.SKIPPED, Kind.EVENT, Kind.UNREADABLE);
        assertThat(batch.entries().get(3).error()).hasMessageContaining("chat.events/3@13");
        assertThat(batch.nextOffsets()).containsExactly(Map.entry(P3, 14L));
    }

    @Test
    void recordsBeforeTheStoredOffsetOfTheirPartitionAreLeftOut() {
        ConsumerRecord<String, byte[]> p0first =
                new ConsumerRecord<>("chat.events", 0, 5, "a", "x".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> p0second =
                new ConsumerRecord<>("chat.events", 0, 6, "a", "y".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> p3only = TrustedEventsTest.record(TestEvents.messageSent("brand-a", "c"), 20);

        PolledBatch batch = PolledBatch.read(
                records(Map.of(P0, List.of(p0first, p0second), P3, List.of(p3only))), TrustedEvents::read, Set.of());

        assertThat(batch.notYetStored(Map.of(P0, 6L))).extracting(Entry::offset).containsExactlyInAnyOrder(6L, 20L);
        assertThat(batch.notYetStored(Map.of(P0, 7L, P3, 21L))).isEmpty();
        assertThat(batch.nextOffsets()).containsEntry(P0, 7L).containsEntry(P3, 21L);
    }

    private static ConsumerRecords<String, byte[]> records(
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition) {
        Map<TopicPartition, OffsetAndMetadata> next = new java.util.HashMap<>();
        byPartition.forEach((partition, records) -> next.put(
                partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1)));
        return new ConsumerRecords<>(byPartition, next);
    }
}

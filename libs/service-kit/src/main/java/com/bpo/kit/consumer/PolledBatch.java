package com.bpo.kit.consumer;

import com.bpo.kit.messaging.IncomingEvent;
import com.bpo.kit.messaging.UnreadableEventException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** The records of one poll, each read once: an event for the effect, an event to skip, or an unreadable record. */
final class PolledBatch {

    enum Kind {
        /** A readable event of a known (or private) type: handed to the effect. */
        EVENT,
        /** A readable event of a type this build does not know: its offset is stored, nothing else. */
        SKIPPED,
        /** Not a readable event: sent to the dead-letter topic. */
        UNREADABLE
    }

    /** One record and what reading it gave. */
    record Entry(
            ConsumerRecord<String, byte[]> record,
            TopicPartition partition,
            Kind kind,
            IncomingEvent event,
            UnreadableEventException error) {

        long offset() {
            return record.offset();
        }
    }

    private final List<Entry> entries;
    private final Map<TopicPartition, Long> nextOffsets;

    private PolledBatch(List<Entry> entries, Map<TopicPartition, Long> nextOffsets) {
        this.entries = Collections.unmodifiableList(entries);
        this.nextOffsets = Collections.unmodifiableMap(nextOffsets);
    }

    /**
     * Reads every record of {@code records} with {@code reader}; events of a type outside the catalog are skipped
     * unless they are one of {@code privateTypes}.
     */
    static PolledBatch read(
            ConsumerRecords<String, byte[]> records,
            Function<ConsumerRecord<String, byte[]>, IncomingEvent> reader,
            Set<String> privateTypes) {
        List<Entry> entries = new ArrayList<>(records.count());
        Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                entries.add(entry(record, partition, reader, privateTypes));
                nextOffsets.put(partition, record.offset() + 1);
            }
        }
        return new PolledBatch(entries, nextOffsets);
    }

    private static Entry entry(
            ConsumerRecord<String, byte[]> record,
            TopicPartition partition,
            Function<ConsumerRecord<String, byte[]>, IncomingEvent> reader,
            Set<String> privateTypes) {
        IncomingEvent event;
        try {
            event = reader.apply(record);
        } catch (UnreadableEventException e) {
            return new Entry(record, partition, Kind.UNREADABLE, null, e);
        }
        boolean wanted = event.knownType() || privateTypes.contains(event.type());
        return new Entry(record, partition, wanted ? Kind.EVENT : Kind.SKIPPED, event, null);
    }

    /** Every record, in offset order per partition. */
    List<Entry> entries() {
        return entries;
    }

    /** The offset after the last record of each partition of the poll. */
    Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    Set<TopicPartition> partitions() {
        return nextOffsets.keySet();
    }

    /** The entries at or after the stored offset of their partition: those not yet applied. */
    List<Entry> notYetStored(Map<TopicPartition, Long> storedOffsets) {
        List<Entry> fresh = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            if (entry.offset() >= storedOffsets.getOrDefault(entry.partition(), 0L)) {
                fresh.add(entry);
            }
        }
        return fresh;
    }

    int size() {
        return entries.size();
    }
}

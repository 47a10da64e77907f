package com.bpo.kit.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The stored offsets of batch consumers ({@code kit_consumer_offset}): the next offset to read from each partition,
 * written in the transaction of the effects of the records before it.
 */
final class ConsumerOffsets {

    // Locks the partitions' rows (creating missing ones) before the effect runs and returns what is stored, so that a
    // batch that was in fact committed already (a commit whose answer was lost, an instance that kept working on a
    // partition the group had given to another) is seen and not applied twice. The no-op update takes the row lock
    // and, under READ COMMITTED, reads the latest committed value after waiting for a concurrent holder. A new row's 0
    // is replaced by the real offset in the same transaction. Sorted, so that two claimants lock in the same order.
    private static final String CLAIM =
            """
            insert into kit_consumer_offset as stored (consumer, topic, partition, next_offset)
            select $1, claimed.topic, claimed.partition, 0
            from unnest($2::text[], $3::int[]) as claimed(topic, partition)
            order by claimed.topic, claimed.partition
            on conflict (consumer, topic, partition) do update set next_offset = stored.next_offset
            returning topic, partition, next_offset
            """;

    // Never moves an offset back: a stale batch can only ever confirm what is stored.
    private static final String STORE =
            """
            insert into kit_consumer_offset as stored (consumer, topic, partition, next_offset)
            select $1, next.topic, next.partition, next.next_offset
            from unnest($2::text[], $3::int[], $4::bigint[]) as next(topic, partition, next_offset)
            on conflict (consumer, topic, partition) do update
                set next_offset = greatest(stored.next_offset, excluded.next_offset), updated_at = now()
            """;

    private static final String READ =
            """
            select topic, partition, next_offset from kit_consumer_offset
            where consumer = $1 and topic = any($2::text[])
            """;

    private final Pool pool;

    ConsumerOffsets(Pool pool) {
        this.pool = pool;
    }

    /** Locks the offsets of {@code partitions} for the rest of the transaction; 0 for a partition never stored. */
    Uni<Map<TopicPartition, Long>> claim(
            SqlConnection transaction, String consumer, Collection<TopicPartition> partitions) {
        String[] topics = new String[partitions.size()];
        Integer[] numbers = new Integer[partitions.size()];
        int i = 0;
        for (TopicPartition partition : partitions) {
            topics[i] = partition.topic();
            numbers[i] = partition.partition();
            i++;
        }
        return transaction
                .preparedQuery(CLAIM)
                .execute(Tuple.of(consumer, topics, numbers))
                .map(ConsumerOffsets::offsets);
    }

    /** Stores {@code nextOffsets} in the transaction, keeping any offset already stored further on. */
    Uni<Void> store(SqlConnection transaction, String consumer, Map<TopicPartition, Long> nextOffsets) {
        String[] topics = new String[nextOffsets.size()];
        Integer[] numbers = new Integer[nextOffsets.size()];
        Long[] offsets = new Long[nextOffsets.size()];
        int i = 0;
        for (Map.Entry<TopicPartition, Long> next : nextOffsets.entrySet()) {
            topics[i] = next.getKey().topic();
            numbers[i] = next.getKey().partition();
            offsets[i] = next.getValue();
            i++;
        }
        return transaction
                .preparedQuery(STORE)
                .execute(Tuple.of(consumer, topics, numbers, offsets))
                .replaceWithVoid();
    }

    /** The committed offsets of {@code consumer} for the partitions of {@code topics} that have one. */
    Uni<Map<TopicPartition, Long>> read(String consumer, List<String> topics) {
        return pool.preparedQuery(READ)
                .execute(Tuple.of(consumer, topics.toArray(String[]::new)))
                .map(ConsumerOffsets::offsets);
    }

    private static Map<TopicPartition, Long> offsets(RowSet<Row> rows) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Row row : rows) {
            offsets.put(
                    new TopicPartition(row.getString("topic"), row.getInteger("partition")),
                    row.getLong("next_offset"));
        }
        return offsets;
    }
}

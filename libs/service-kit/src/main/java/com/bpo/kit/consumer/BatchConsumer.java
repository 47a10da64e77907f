package com.bpo.kit.consumer;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** A started batch consumer (see {@link BatchConsumers#start}). */
public interface BatchConsumer {

    /** The name of its {@link BatchConsumerSpec}. */
    String name();

    /** True from {@code start} until it is stopped or its thread ended with a failure. */
    boolean isRunning();

    /** True when its thread ended with a failure instead of being stopped; the readiness check then reports DOWN. */
    boolean hasFailed();

    /** The partitions this instance is assigned now (its share of the consumer group). */
    Set<TopicPartition> assignedPartitions();

    /**
     * The stored next offset of each partition of {@code topic}: every record before it is applied or dead-lettered.
     * Reads the database and waits for the answer, so it must not be called on an event loop.
     */
    Map<Integer, Long> storedOffsets(String topic);

    /**
     * Stops polling, lets the current batch's transaction end (it commits with its offsets or not at all), closes the
     * Kafka client and waits for all of that up to {@code bpo.consumer.stop-timeout}. Also forgets a consumer that
     * failed. Idempotent.
     */
    void stop();
}

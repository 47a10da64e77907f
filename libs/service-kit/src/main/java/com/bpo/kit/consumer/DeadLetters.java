package com.bpo.kit.consumer;

import com.bpo.contracts.Topics;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead-letter records as the kit's channels write them ({@code DeadLetterTopicStrategy}, which delegates to the Kafka
 * connector): on {@code <topic>.dlq}, with the original key, value and headers and the error in the connector's
 * {@code dead-letter-*} headers, so one tool reads the dead letters of channels and batch consumers alike.
 */
final class DeadLetters {

    private static final List<String> ERROR_HEADERS = List.of(
            KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME,
            KafkaDeadLetterQueue.DEAD_LETTER_REASON,
            KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME,
            KafkaDeadLetterQueue.DEAD_LETTER_CAUSE,
            KafkaDeadLetterQueue.DEAD_LETTER_TOPIC,
            KafkaDeadLetterQueue.DEAD_LETTER_PARTITION,
            KafkaDeadLetterQueue.DEAD_LETTER_OFFSET);

    private DeadLetters() {}

    /** The dead-letter record of {@code failed}, which could not be processed because of {@code reason}. */
    static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> failed, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(failed.headers().toArray());
        // A record read back from a dead-letter topic and failing again carries the new error, not both.
        ERROR_HEADERS.forEach(headers::remove);
        add(
                headers,
                KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME,
                reason.getClass().getName());
        add(headers, KafkaDeadLetterQueue.DEAD_LETTER_REASON, message(reason));
        Throwable cause = reason.getCause();
        if (cause != null && cause != reason) {
            add(
                    headers,
                    KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME,
                    cause.getClass().getName());
            add(headers, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE, message(cause));
        }
        add(headers, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, failed.topic());
        add(headers, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, Integer.toString(failed.partition()));
        add(headers, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, Long.toString(failed.offset()));
        return new ProducerRecord<>(
                Topics.deadLetterTopic(failed.topic()), null, failed.key(), failed.value(), headers);
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

package com.bpo.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.EventEnvelope;
import com.bpo.kit.messaging.CloudEventRecords;
import com.bpo.kit.messaging.UnreadableEventException;
import io.vertx.pgclient.PgException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void deadLetterKeepsTheRecordAndCarriesTheErrorLikeTheChannelsDeadLetters() {
        EventEnvelope event = TestEvents.messageSent("brand-a", "conv-1");
        ConsumerRecord<String, byte[]> failed = TrustedEventsTest.record(event, 42);
        failed.headers().add("traceparent", "00-trace-01".getBytes(StandardCharsets.UTF_8));
        UnreadableEventException reason =
                new UnreadableEventException("chat.events/3@42", new IllegalArgumentException("not JSON"));

        ProducerRecord<String, byte[]> dead = DeadLetters.of(failed, reason);

        assertThat(dead.topic()).isEqualTo("chat.events.dlq");
        assertThat(dead.partition()).isNull();
        assertThat(dead.key()).isEqualTo("conv-1");
        assertThat(dead.value()).isEqualTo(event.payload());
        assertThat(text(dead, "ce_id")).isEqualTo(event.id());
        assertThat(text(dead, "traceparent")).isEqualTo("00-trace-01");
        assertThat(text(dead, "dead-letter-exception-class-name")).isEqualTo(UnreadableEventException.class.getName());
        assertThat(text(dead, "dead-letter-reason")).isEqualTo(reason.getMessage());
        assertThat(text(dead, "dead-letter-cause-class-name")).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(text(dead, "dead-letter-cause")).isEqualTo("not JSON");
        assertThat(text(dead, "dead-letter-topic")).isEqualTo("chat.events");
        assertThat(text(dead, "dead-letter-partition")).isEqualTo("3");
        assertThat(text(dead, "dead-letter-offset")).isEqualTo("42");
    }

    @Test
    void recordThatFailsAgainCarriesOnlyItsNewError() {
        EventEnvelope event = TestEvents.messageSent("brand-a", "conv-1");
        ProducerRecord<String, byte[]> first = DeadLetters.of(
                TrustedEventsTest.record(event, 1), new PgException("deadlock detected", "ERROR", "40P01", "first"));
        ConsumerRecord<String, byte[]> replayed = new ConsumerRecord<>("chat.events", 0, 9, first.key(), first.value());
        first.headers().forEach(header -> replayed.headers().add(header));

        ProducerRecord<String, byte[]> second =
                DeadLetters.of(replayed, new IllegalStateException("no such conversation"));

        assertThat(values(second, "dead-letter-reason")).containsExactly("no such conversation");
        assertThat(values(second, "dead-letter-offset")).containsExactly("9");
        assertThat(values(second, "dead-letter-cause")).isEmpty();
        assertThat(CloudEventRecords.lastText(second.headers(), "ce_id")).isEqualTo(event.id());
    }

    private static String text(ProducerRecord<String, byte[]> record, String header) {
        return CloudEventRecords.lastText(record.headers(), header);
    }

    private static List<String> values(ProducerRecord<String, byte[]> record, String header) {
        List<String> values = new ArrayList<>();
        for (Header value : record.headers().headers(header)) {
            values.add(new String(value.value(), StandardCharsets.UTF_8));
        }
        return values;
    }
}

package com.bpo.agent.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.Topics;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the {@code pii-access.events} a test caused back from the real broker, checked against the contract. */
final class PiiAccessRecords implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTestClient kafka =
            new KafkaTestClient(InfraTestResource.kafka().bootstrapServers());

    /** The record of the access, once the outbox relay published it; its payload must match the schema. */
    ConsumerRecord<String, String> await(String accessId) {
        ConsumerRecord<String, String> record = kafka.awaitRecord(
                Topics.PII_ACCESS_EVENTS, r -> accessId.equals(payload(r).getString("accessId")), WAIT);
        assertThat(EventSchemas.validate(EventTypes.PII_ACCESSED, record.value().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(EventTypes.PII_ACCESSED);
        return record;
    }

    /** Every access recorded so far about {@code subjectId}, in the order of the brand's partition. */
    List<JsonPath> aboutSubject(String subjectId) {
        return kafka.readAll(Topics.PII_ACCESS_EVENTS).stream()
                .map(PiiAccessRecords::payload)
                .filter(payload -> subjectId.equals(payload.getString("subjectId")))
                .toList();
    }

    static JsonPath payload(ConsumerRecord<String, String> record) {
        return JsonPath.from(record.value());
    }

    @Override
    public void close() {
        kafka.close();
    }
}

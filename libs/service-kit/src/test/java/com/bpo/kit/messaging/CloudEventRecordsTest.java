package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.EventEnvelope;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class CloudEventRecordsTest {

    @Test
    void recordWrittenStraightFromAnEventIsTheRecordOfItsEnvelope() {
        OutgoingEvent withVendor = OutgoingEvent.of(SampleEvents.messageSent("brand-a", "conv-1", "msg-1"))
                .withBrand("brand-a")
                .withVendor(SampleEvents.VENDOR)
                .withHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        OutgoingEvent withoutVendor = OutgoingEvent.of(SampleEvents.messageSent("brand-a", "conv-1", "msg-2"))
                .withBrand("brand-a");

        for (OutgoingEvent event : List.of(withVendor, withoutVendor)) {
            byte[] json = event.validatedPayload();
            EventEnvelope envelope = event.envelope("id-1", "/agent-service", json);

            ProducerRecord<String, byte[]> direct = CloudEventRecords.toRecord(event, "id-1", "/agent-service", json);
            ProducerRecord<String, byte[]> viaEnvelope =
                    CloudEventRecords.toRecord(event.topic(), event.key(), envelope, event.headers());

            assertThat(direct.topic()).isEqualTo(viaEnvelope.topic());
            assertThat(direct.key()).isEqualTo(viaEnvelope.key());
            assertThat(direct.value()).isEqualTo(viaEnvelope.value());
            assertThat(headers(direct)).containsExactlyElementsOf(headers(viaEnvelope));
            assertThat(CloudEventRecords.fromRecord(direct.headers(), direct.value()))
                    .isEqualTo(envelope);
        }
    }

    @Test
    void recordWithoutIdOrSourceIsRefusedLikeAnEnvelope() {
        OutgoingEvent event = OutgoingEvent.of(SampleEvents.messageSent("brand-a", "conv-1", "msg-1"))
                .withBrand("brand-a");
        byte[] json = event.validatedPayload();

        assertThatThrownBy(() -> CloudEventRecords.toRecord(event, " ", "/agent-service", json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ce_id");
        assertThatThrownBy(() -> CloudEventRecords.toRecord(event, "id-1", null, json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ce_source");
    }

    private static List<Map.Entry<String, String>> headers(ProducerRecord<String, byte[]> record) {
        return java.util.Arrays.stream(record.headers().toArray())
                .map((Header header) -> Map.entry(header.key(), new String(header.value())))
                .toList();
    }
}

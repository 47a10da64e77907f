package com.bpo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final byte[] PAYLOAD = "{\"brandId\":\"b1\"}".getBytes(StandardCharsets.UTF_8);

    private static EventEnvelope envelope() {
        return new EventEnvelope(
                "id-1",
                EventTypes.MESSAGE_SENT,
                "/agent-service",
                Instant.parse("2026-06-19T02:00:00.123Z"),
                "conv-1",
                "b1",
                "v1",
                PAYLOAD);
    }

    private static String text(Map<String, byte[]> headers, String name) {
        return new String(headers.get(name), StandardCharsets.UTF_8);
    }

    @Test
    void headersCarryEveryAttributeInBinaryMode() {
        Map<String, byte[]> headers = envelope().toHeaders();

        assertThat(text(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(text(headers, "ce_id")).isEqualTo("id-1");
        assertThat(text(headers, "ce_type")).isEqualTo("bpo.chat.message-sent.v1");
        assertThat(text(headers, "ce_source")).isEqualTo("/agent-service");
        assertThat(text(headers, "ce_time")).isEqualTo("2026-06-19T02:00:00.123Z");
        assertThat(text(headers, "ce_subject")).isEqualTo("conv-1");
        assertThat(text(headers, "ce_brandid")).isEqualTo("b1");
        assertThat(text(headers, "ce_vendorid")).isEqualTo("v1");
        assertThat(text(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void headersRoundTripToAnEqualEnvelope() {
        EventEnvelope envelope = envelope();

        assertThat(EventEnvelope.fromHeaders(envelope.toHeaders(), envelope.payload()))
                .isEqualTo(envelope);
    }

    @Test
    void absentOptionalAttributesAreLeftOutAndReadBackAsAbsent() {
        EventEnvelope envelope =
                new EventEnvelope("id-2", EventTypes.VENDOR_CHANGED, "/agent-service", null, null, null, null, PAYLOAD);

        Map<String, byte[]> headers = envelope.toHeaders();

        assertThat(headers).doesNotContainKeys("ce_time", "ce_subject", "ce_brandid", "ce_vendorid");
        assertThat(EventEnvelope.fromHeaders(headers, PAYLOAD)).isEqualTo(envelope);
    }

    @Test
    void missingIdIsRejectedNamingTheHeader() {
        Map<String, byte[]> headers = new HashMap<>(envelope().toHeaders());
        headers.remove("ce_id");

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, PAYLOAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ce_id");
    }

    @Test
    void otherSpecVersionIsRejected() {
        Map<String, byte[]> headers = new HashMap<>(envelope().toHeaders());
        headers.put("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, PAYLOAD)).hasMessageContaining("ce_specversion");
    }

    @Test
    void nonJsonContentIsRejected() {
        Map<String, byte[]> headers = new HashMap<>(envelope().toHeaders());
        headers.put("content-type", "application/avro".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, PAYLOAD)).hasMessageContaining("content-type");
    }

    @Test
    void missingSpecVersionIsRejected() {
        Map<String, byte[]> headers = new HashMap<>(envelope().toHeaders());
        headers.remove("ce_specversion");

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, PAYLOAD))
                .hasMessage("header ce_specversion must be 1.0, was null");
    }

    @Test
    void aLongerSpecVersionIsRejected() {
        Map<String, byte[]> headers = new HashMap<>(envelope().toHeaders());
        headers.put("ce_specversion", "1.0.1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, PAYLOAD))
                .hasMessage("header ce_specversion must be 1.0, was 1.0.1");
    }

    @Test
    void jsonWithParametersOrWithoutAContentTypeIsAccepted() {
        Map<String, byte[]> withCharset = new HashMap<>(envelope().toHeaders());
        withCharset.put("content-type", "application/json; charset=utf-8".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> without = new HashMap<>(envelope().toHeaders());
        without.remove("content-type");

        assertThat(EventEnvelope.fromHeaders(withCharset, PAYLOAD)).isEqualTo(envelope());
        assertThat(EventEnvelope.fromHeaders(without, PAYLOAD)).isEqualTo(envelope());
    }

    @Test
    void aContentTypeShorterThanJsonIsRejectedWithItsValue() {
        Map<String, byte[]> headers = new HashMap<>(envelope().toHeaders());
        headers.put("content-type", "application/".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, PAYLOAD))
                .hasMessage("header content-type must be application/json, was application/");
    }

    @Test
    void timeWithAnOffsetIsReadAsTheSameInstant() {
        Map<String, byte[]> headers = new HashMap<>(envelope().toHeaders());
        headers.put("ce_time", "2026-06-19T10:00:00+08:00".getBytes(StandardCharsets.UTF_8));

        assertThat(EventEnvelope.fromHeaders(headers, PAYLOAD).time()).isEqualTo(Instant.parse("2026-06-19T02:00:00Z"));
    }

    @Test
    void malformedTimeIsRejected() {
        Map<String, byte[]> headers = new HashMap<>(envelope().toHeaders());
        headers.put("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, PAYLOAD)).hasMessageContaining("ce_time");
    }

    @Test
    void headersCanBeReadThroughALookUp() {
        Map<String, byte[]> headers = envelope().toHeaders();

        assertThat(EventEnvelope.fromHeaders(headers::get, PAYLOAD).subject()).isEqualTo("conv-1");
    }

    @Test
    void payloadCannotBeChangedFromOutside() {
        byte[] payload = PAYLOAD.clone();
        EventEnvelope envelope =
                new EventEnvelope("id", EventTypes.MESSAGE_SENT, "/s", null, null, null, null, payload);

        payload[0] = 'X';
        envelope.payload()[1] = 'Y';

        assertThat(envelope.payloadText()).isEqualTo("{\"brandId\":\"b1\"}");
    }

    @Test
    void toStringDoesNotShowThePayload() {
        assertThat(envelope().toString())
                .contains("id-1", PAYLOAD.length + " bytes")
                .doesNotContain("{");
    }
}

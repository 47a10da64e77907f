package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.InvalidEventException;
import com.bpo.contracts.Topics;
import com.bpo.contracts.ticket.TicketOpened;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutgoingEventTest {

    @Test
    void typeTopicAndKeyComeFromTheCatalogAndThePayload() {
        TicketOpened opened = SampleEvents.ticketOpened("brand-a", "ticket-1", "COMPLAINT");

        OutgoingEvent event = OutgoingEvent.of(opened).withBrand("brand-a").withVendor(SampleEvents.VENDOR);

        assertThat(event.type()).isEqualTo(EventTypes.TICKET_OPENED);
        assertThat(event.topic()).isEqualTo(Topics.TICKET_EVENTS);
        assertThat(event.key()).isEqualTo("ticket-1");
        assertThat(event.subject()).isEqualTo("ticket-1");
        assertThat(event.brandId()).isEqualTo("brand-a");
        assertThat(event.vendorId()).isEqualTo(SampleEvents.VENDOR);
    }

    @Test
    void validatedPayloadIsTheEventJsonOfTheRecord() {
        TicketOpened opened = SampleEvents.ticketOpened("brand-a", "ticket-1", "COMPLAINT");

        byte[] json = OutgoingEvent.of(opened).validatedPayload();

        assertThat(EventJson.fromBytes(json, TicketOpened.class)).isEqualTo(opened);
    }

    @Test
    void payloadThatBreaksItsSchemaIsRejected() {
        TicketOpened blankBrand = SampleEvents.ticketOpened("", "ticket-1", "COMPLAINT");

        assertThatThrownBy(() -> OutgoingEvent.of(blankBrand).validatedPayload())
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("brandId");
    }

    @Test
    void payloadTooLargeForOneKafkaRecordIsRejectedBeforeItIsWritten() {
        String hugeType = "x".repeat(OutgoingEvent.MAX_PAYLOAD_BYTES);
        OutgoingEvent event = OutgoingEvent.of(SampleEvents.ticketOpened("brand-a", "ticket-1", hugeType));

        assertThatThrownBy(event::validatedPayload)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + OutgoingEvent.MAX_PAYLOAD_BYTES);
    }

    @Test
    void cloudEventHeadersCannotBeAddedAsExtraHeaders() {
        OutgoingEvent event = OutgoingEvent.of(SampleEvents.ticketOpened("brand-a", "ticket-1", "COMPLAINT"));

        assertThatThrownBy(() -> event.withHeader("ce_id", "forged")).isInstanceOf(IllegalArgumentException.class);
        assertThat(event.withHeader("traceparent", "00-abc-def-01").headers())
                .containsEntry("traceparent", "00-abc-def-01");
    }

    @Test
    void envelopeCarriesEveryAttribute() {
        Instant at = Instant.parse("2026-06-19T02:00:00Z");
        OutgoingEvent event = OutgoingEvent.of(SampleEvents.ticketOpened("brand-a", "ticket-1", "COMPLAINT"))
                .withBrand("brand-a")
                .withVendor("vendor-b")
                .withSubject("complaint-9")
                .withTime(at);

        EventEnvelope envelope = event.envelope("id-1", "/ticket-service", event.validatedPayload());

        assertThat(envelope.id()).isEqualTo("id-1");
        assertThat(envelope.source()).isEqualTo("/ticket-service");
        assertThat(envelope.type()).isEqualTo(EventTypes.TICKET_OPENED);
        assertThat(envelope.subject()).isEqualTo("complaint-9");
        assertThat(envelope.time()).isEqualTo(at);
        assertThat(envelope.brandId()).isEqualTo("brand-a");
        assertThat(envelope.vendorId()).isEqualTo("vendor-b");
    }
}

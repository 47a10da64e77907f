package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FactTest {

    @Test
    void sameFactGetsTheSameEventIdEvenWhenItsPayloadIsReSerialised() {
        Fact first = new Fact(
                OutgoingEvent.of(SampleEvents.messageSent("brand-a", "conv-1", "msg-1"))
                        .withBrand("brand-a"),
                "msg-1");
        Fact again = new Fact(
                OutgoingEvent.of(SampleEvents.messageSent("brand-a", "conv-1", "msg-1"))
                        .withBrand("brand-a"),
                "msg-1");

        assertThat(again.eventId()).isEqualTo(first.eventId());
    }

    @Test
    void sameNaturalKeyOfAnotherBrandIsAnotherEvent() {
        Fact ofA = new Fact(
                OutgoingEvent.of(SampleEvents.messageSent("brand-a", "conv-1", "msg-1"))
                        .withBrand("brand-a"),
                "msg-1");
        Fact ofB = new Fact(
                OutgoingEvent.of(SampleEvents.messageSent("brand-b", "conv-1", "msg-1"))
                        .withBrand("brand-b"),
                "msg-1");

        assertThat(ofB.eventId()).isNotEqualTo(ofA.eventId());
    }

    @Test
    void factWithoutBrandIsRejected() {
        OutgoingEvent noBrand = OutgoingEvent.of(SampleEvents.messageSent("brand-a", "conv-1", "msg-1"));

        assertThatThrownBy(() -> new Fact(noBrand, "msg-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brand");
    }
}

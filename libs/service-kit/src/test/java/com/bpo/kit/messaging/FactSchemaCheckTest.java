package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.EventTypes;
import com.bpo.contracts.InvalidEventException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.LaunchMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** When {@link FactPublisher} checks payloads against their schemas, and what holds either way. */
class FactSchemaCheckTest {

    @Test
    void schemasAreCheckedInDevAndTestModeAndInProductionOnlyWhenConfigured() {
        assertThat(FactPublisher.validatesSchemas(Optional.empty(), LaunchMode.TEST))
                .isTrue();
        assertThat(FactPublisher.validatesSchemas(Optional.empty(), LaunchMode.DEVELOPMENT))
                .isTrue();
        assertThat(FactPublisher.validatesSchemas(Optional.empty(), LaunchMode.NORMAL))
                .isFalse();
        assertThat(FactPublisher.validatesSchemas(Optional.of(true), LaunchMode.NORMAL))
                .isTrue();
        assertThat(FactPublisher.validatesSchemas(Optional.of(false), LaunchMode.TEST))
                .isFalse();
    }

    @Test
    void factBreakingItsSchemaIsRefusedOnlyWhereSchemasAreChecked() {
        Fact blankBrandInPayload = new Fact(
                OutgoingEvent.of(SampleEvents.messageSent("", "conv-1", "msg-1"))
                        .withBrand("brand-a"),
                "msg-1");

        assertThatThrownBy(() -> publisher(true).toRecord(blankBrandInPayload, blankBrandInPayload.eventId()))
                .isInstanceOf(InvalidEventException.class);
        ProducerRecord<String, byte[]> unchecked =
                publisher(false).toRecord(blankBrandInPayload, blankBrandInPayload.eventId());
        assertThat(unchecked.value()).isEqualTo(blankBrandInPayload.event().payloadJson());
    }

    @Test
    void checkedAndUncheckedRecordsOfAValidFactAreTheSame() {
        Fact fact = new Fact(
                OutgoingEvent.of(SampleEvents.messageSent("brand-a", "conv-1", "msg-1"))
                        .withBrand("brand-a")
                        .withVendor(SampleEvents.VENDOR),
                "msg-1");

        ProducerRecord<String, byte[]> checked = publisher(true).toRecord(fact, fact.eventId());
        ProducerRecord<String, byte[]> unchecked = publisher(false).toRecord(fact, fact.eventId());

        assertThat(unchecked.value()).isEqualTo(checked.value());
        assertThat(unchecked.headers()).isEqualTo(checked.headers());
        assertThat(unchecked.key()).isEqualTo(checked.key());
        assertThat(new String(unchecked.headers().lastHeader("ce_type").value()))
                .isEqualTo(EventTypes.MESSAGE_SENT);
    }

    @Test
    void payloadTooLargeForOneRecordIsRefusedEvenWithoutTheSchemaCheck() {
        String hugeText = "x".repeat(OutgoingEvent.MAX_PAYLOAD_BYTES);
        Fact huge = new Fact(
                OutgoingEvent.of(SampleEvents.messageSent("brand-a", "conv-1", hugeText))
                        .withBrand("brand-a"),
                "m-1");

        assertThatThrownBy(() -> publisher(false).toRecord(huge, huge.eventId()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + OutgoingEvent.MAX_PAYLOAD_BYTES);
    }

    private static FactPublisher publisher(boolean validateSchemas) {
        // The producer is never reached: these tests only build records.
        return new FactPublisher(null, config(validateSchemas), new SimpleMeterRegistry());
    }

    private static MessagingConfig config(boolean validateSchemas) {
        return new MessagingConfig() {
            @Override
            public String source() {
                return "/service-kit-test";
            }

            @Override
            public Map<String, String> producer() {
                return Map.of();
            }

            @Override
            public Facts facts() {
                return () -> Optional.of(validateSchemas);
            }

            @Override
            public Retry retry() {
                return new Retry() {
                    @Override
                    public int maxRetries() {
                        return 0;
                    }

                    @Override
                    public Duration initialBackoff() {
                        return Duration.ZERO;
                    }

                    @Override
                    public Duration maxBackoff() {
                        return Duration.ZERO;
                    }
                };
            }
        };
    }
}

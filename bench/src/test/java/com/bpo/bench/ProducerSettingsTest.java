package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    @Test
    void producerPerformanceGetsTheEventProducersDeliveryAndBatchingSettings() {
        assertThat(ProducerSettings.EVENT_PRODUCER)
                .containsExactly(
                        Map.entry("acks", "all"),
                        Map.entry("enable.idempotence", "true"),
                        Map.entry("max.in.flight.requests.per.connection", "5"),
                        Map.entry("linger.ms", "5"),
                        Map.entry("batch.size", "16384"),
                        Map.entry("compression.type", "none"));
    }
}

package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProducerPerformanceTest {

    @Test
    void summaryLineIsReadAndProgressLinesAreNot() {
        String output =
                """
                1048251 records sent, 209608.3 records/sec (119.95 MB/sec), 121.2 ms avg latency, 391.0 ms max latency.
                1151393 records sent, 230232.6 records/sec (131.75 MB/sec), 113.8 ms avg latency, 246.0 ms max latency.
                2000000 records sent, 221656.8 records/sec (126.84 MB/sec), 116.47 ms avg latency, 391.00 ms max latency, 109 ms 50th, 188 ms 95th, 254 ms 99th, 340 ms 99.9th.
                """;

        ProducerPerformance.Result result = ProducerPerformance.parse(output).orElseThrow();

        assertThat(result)
                .usingRecursiveComparison()
                .ignoringFields("afterFirstWindowRecordsPerSecond")
                .isEqualTo(new ProducerPerformance.Result(
                        2_000_000, 221656.8, 126.84, 116.47, 391.0, 109, 188, 254, 340, 0));
        assertThat(result.afterFirstWindowRecordsPerSecond()).isCloseTo(230232.6, within(0.1));
    }

    @Test
    void rateAfterTheFirstWindowWeighsWindowsByTheirDuration() {
        String output =
                """
                100000 records sent, 20000.0 records/sec (13.35 MB/sec), 900.1 ms avg latency, 1500.0 ms max latency.
                300000 records sent, 60000.0 records/sec (40.06 MB/sec), 500.0 ms avg latency, 700.0 ms max latency.
                100000 records sent, 100000.0 records/sec (66.76 MB/sec), 400.0 ms avg latency, 600.0 ms max latency.
                500000 records sent, 45454.5 records/sec (30.35 MB/sec), 560.00 ms avg latency, 1500.00 ms max latency, 500 ms 50th, 900 ms 95th, 1400 ms 99th, 1500 ms 99.9th.
                """;

        ProducerPerformance.Result result = ProducerPerformance.parse(output).orElseThrow();

        // 400,000 records in 5 s + 1 s after the first window.
        assertThat(result.afterFirstWindowRecordsPerSecond()).isCloseTo(400_000 / 6.0, within(0.1));
        assertThat(result.recordsPerSecond()).isEqualTo(45454.5);
    }

    @Test
    void aRunTooShortForTwoWindowsHasNoRateAfterTheFirst() {
        String output =
                "1000 records sent, 5000.0 records/sec (3.34 MB/sec), 10.00 ms avg latency, 20.00 ms max latency,"
                        + " 9 ms 50th, 15 ms 95th, 19 ms 99th, 20 ms 99.9th.\n";

        assertThat(ProducerPerformance.parse(output).orElseThrow().afterFirstWindowRecordsPerSecond())
                .isNaN();
    }

    @Test
    void outputWithoutASummaryGivesNothing() {
        String output =
                """
                1048251 records sent, 209608.3 records/sec (119.95 MB/sec), 121.2 ms avg latency, 391.0 ms max latency.
                org.apache.kafka.common.errors.TimeoutException: Topic bench.producer-performance not present
                """;

        assertThat(ProducerPerformance.parse(output)).isEmpty();
    }
}

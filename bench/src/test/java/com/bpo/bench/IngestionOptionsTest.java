package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestionOptionsTest {

    @Test
    void noOptionsGiveTheIssuesSetUp() {
        IngestionOptions options = IngestionOptions.parse();

        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.batch()).isEqualTo(1000);
        assertThat(options.connections()).isEqualTo(4);
        assertThat(options.ndjson()).isFalse();
        assertThat(options.producerPerformanceRecords()).isZero();
    }

    @Test
    void everyOptionIsRead() {
        IngestionOptions options = IngestionOptions.parse(
                "--duration",
                "2m",
                "--warmup",
                "500ms",
                "--batch",
                "5000",
                "--connections",
                "8",
                "--ndjson",
                "--seed",
                "7",
                "--pp-records",
                "2_000_000",
                "--service-heap",
                "768m",
                "--jfr");

        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.batch()).isEqualTo(5000);
        assertThat(options.connections()).isEqualTo(8);
        assertThat(options.ndjson()).isTrue();
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.producerPerformanceRecords()).isEqualTo(2_000_000);
        assertThat(options.serviceHeap()).isEqualTo("768m");
        assertThat(options.flightRecording()).isTrue();
    }

    @Test
    void commandLineReproducesTheOptions() {
        IngestionOptions options = IngestionOptions.parse(
                "--duration", "90s", "--warmup", "1500ms", "--batch", "200", "--ndjson", "--jfr");

        assertThat(IngestionOptions.parse(options.commandLine()
                        .replaceFirst("^bench/run-ingestion ", "")
                        .split(" ")))
                .isEqualTo(options);
        assertThat(options.commandLine()).startsWith("bench/run-ingestion --duration 90s --warmup 1500ms");
    }

    @Test
    void batchAboveTheEndpointsLimitIsRefused() {
        assertThatThrownBy(() -> IngestionOptions.parse("--batch", "10001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--batch must be 1-10000");
    }

    @Test
    void malformedValuesNameTheOption() {
        assertThatThrownBy(() -> IngestionOptions.parse("--duration", "60"))
                .hasMessageContaining("--duration takes a duration like");
        assertThatThrownBy(() -> IngestionOptions.parse("--connections", "four"))
                .hasMessageContaining("--connections takes a whole number");
        assertThatThrownBy(() -> IngestionOptions.parse("--service-heap", "lots"))
                .hasMessageContaining("--service-heap");
        assertThatThrownBy(() -> IngestionOptions.parse("--duration", "0s")).hasMessageContaining("positive");
    }

    @Test
    void unknownOptionsAndMissingValuesAreRefused() {
        assertThatThrownBy(() -> IngestionOptions.parse("--speed", "fast")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> IngestionOptions.parse("--batch")).hasMessageContaining("missing value");
    }
}

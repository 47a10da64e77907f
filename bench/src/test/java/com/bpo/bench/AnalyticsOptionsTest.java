package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnalyticsOptionsTest {

    @Test
    void noOptionsGiveTheIssuesSetUp() {
        AnalyticsOptions options = AnalyticsOptions.parse();

        assertThat(options.events()).isEqualTo(3_000_000);
        assertThat(options.freshnessRate()).isEqualTo(10_000);
        assertThat(options.freshnessDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.serviceHeap()).isEqualTo("1g");
        assertThat(options.factsBatchSize()).isZero();
        assertThat(options.flightRecording()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        AnalyticsOptions options = AnalyticsOptions.parse(
                "--events",
                "5_000_000",
                "--rate",
                "20000",
                "--freshness",
                "2m",
                "--probes",
                "20",
                "--query-repeats",
                "50",
                "--seed",
                "7",
                "--batch-size",
                "5000",
                "--service-heap",
                "768m",
                "--jfr");

        assertThat(options)
                .isEqualTo(
                        new AnalyticsOptions(5_000_000, 20_000, Duration.ofMinutes(2), 20, 50, 7, 5000, "768m", true));
    }

    @Test
    void theCommandLineReadsBackToTheSameOptions() {
        AnalyticsOptions options =
                AnalyticsOptions.parse("--events", "400000", "--freshness", "30s", "--batch-size", "4000", "--jfr");

        String[] words = options.commandLine().split(" ");

        assertThat(words[0]).isEqualTo("bench/run-analytics");
        assertThat(AnalyticsOptions.parse(java.util.Arrays.copyOfRange(words, 1, words.length)))
                .isEqualTo(options);
    }

    @Test
    void malformedOrOutOfRangeValuesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> AnalyticsOptions.parse("--events", "many")).hasMessageContaining("--events");
        assertThatThrownBy(() -> AnalyticsOptions.parse("--events", "100")).hasMessageContaining("--events");
        assertThatThrownBy(() -> AnalyticsOptions.parse("--rate", "0")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> AnalyticsOptions.parse("--freshness", "ten")).hasMessageContaining("--freshness");
        assertThatThrownBy(() -> AnalyticsOptions.parse("--rate", "5", "--probes", "10"))
                .hasMessageContaining("--probes");
        assertThatThrownBy(() -> AnalyticsOptions.parse("--batch-size", "0")).hasMessageContaining("--batch-size");
        assertThatThrownBy(() -> AnalyticsOptions.parse("--service-heap", "lots"))
                .hasMessageContaining("--service-heap");
        assertThatThrownBy(() -> AnalyticsOptions.parse("--duration", "60s")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> AnalyticsOptions.parse("--events")).hasMessageContaining("missing value");
    }
}

package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesOfOneToOneThousandMilliseconds() {
        Histogram histogram = LatencySummary.newHistogram();
        for (int millis = 1; millis <= 1000; millis++) {
            LatencySummary.record(histogram, millis * 1_000_000L);
        }

        LatencySummary summary = LatencySummary.of(histogram);

        assertThat(summary.count()).isEqualTo(1000);
        // HdrHistogram keeps three significant digits.
        assertThat(summary.p50()).isCloseTo(500, within(0.5));
        assertThat(summary.p90()).isCloseTo(900, within(0.5));
        assertThat(summary.p99()).isCloseTo(990, within(0.5));
        assertThat(summary.p999()).isCloseTo(999, within(0.5));
        assertThat(summary.max()).isCloseTo(1000, within(0.5));
        assertThat(summary.mean()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void aFewSlowRequestsShowInTheTailOnly() {
        Histogram histogram = LatencySummary.newHistogram();
        for (int i = 0; i < 990; i++) {
            LatencySummary.record(histogram, 20_000_000L);
        }
        for (int i = 0; i < 10; i++) {
            LatencySummary.record(histogram, 2_000_000_000L);
        }

        LatencySummary summary = LatencySummary.of(histogram);

        assertThat(summary.p50()).isCloseTo(20, within(0.1));
        assertThat(summary.p99()).isCloseTo(20, within(0.1));
        assertThat(summary.p999()).isCloseTo(2000, within(2.0));
        assertThat(summary.max()).isCloseTo(2000, within(2.0));
    }

    @Test
    void latenciesBeyondTheRangeAreClampedNotLost() {
        Histogram histogram = LatencySummary.newHistogram();

        LatencySummary.record(histogram, Long.MAX_VALUE);
        LatencySummary.record(histogram, 0);

        assertThat(histogram.getTotalCount()).isEqualTo(2);
        assertThat(LatencySummary.of(histogram).max()).isGreaterThanOrEqualTo(LatencySummary.HIGHEST_MICROS / 1000.0);
    }

    @Test
    void anEmptyHistogramSummarisesToZero() {
        assertThat(LatencySummary.of(LatencySummary.newHistogram())).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 0));
    }
}

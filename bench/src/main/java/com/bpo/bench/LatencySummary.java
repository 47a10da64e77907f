package com.bpo.bench;

import org.HdrHistogram.Histogram;

/**
 * Request latencies of a phase, in milliseconds.
 *
 * @param count requests measured
 */
record LatencySummary(long count, double mean, double p50, double p90, double p99, double p999, double max) {

    /** The longest latency a histogram records exactly (3 significant digits); longer ones are clamped to it. */
    static final long HIGHEST_MICROS = 300_000_000L;

    /** A histogram of latencies in microseconds, as {@link #of} expects. */
    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_MICROS, 3);
    }

    /** Records one latency given in nanoseconds. */
    static void record(Histogram micros, long nanos) {
        micros.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, nanos / 1_000)));
    }

    /** The summary of a histogram of microseconds; all zero when it is empty. */
    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                micros.getTotalCount(),
                micros.getMean() / 1_000.0,
                millis(micros, 50),
                millis(micros, 90),
                millis(micros, 99),
                millis(micros, 99.9),
                micros.getMaxValue() / 1_000.0);
    }

    private static double millis(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1_000.0;
    }
}

package com.bpo.bench;

/**
 * How many events a paced publisher should have sent by a moment: {@code rate} per second from the start, evenly, so
 * that a publisher that fell behind (a GC pause, a busy core) catches up at once instead of drifting. Of them,
 * {@code probesPerSecond} per second, evenly spread, are probes.
 */
record Pacer(int rate, int probesPerSecond) {

    Pacer {
        if (rate < 1 || probesPerSecond < 1 || probesPerSecond > rate) {
            throw new IllegalArgumentException(
                    "needs 1 <= probes per second <= rate, was " + probesPerSecond + " and " + rate);
        }
    }

    /** Events due {@code elapsedNanos} after the start. */
    long due(long elapsedNanos) {
        return Math.multiplyExact(Math.max(0, elapsedNanos) / 1_000, (long) rate) / 1_000_000;
    }

    /** Whether event number {@code sequence} (0, 1, ...) of the paced stream is a probe. */
    boolean isProbe(long sequence) {
        return sequence % probeEvery() == 0;
    }

    /** Events from one probe to the next. */
    long probeEvery() {
        return rate / probesPerSecond;
    }
}

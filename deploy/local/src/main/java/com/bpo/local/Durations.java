package com.bpo.local;

import java.time.Duration;

/** Durations as people read them in progress lines: {@code 8.1 s}, {@code 2 min 05 s}. */
final class Durations {

    private Durations() {}

    static String format(Duration duration) {
        long tenths = Math.max(0, duration.toMillis()) / 100;
        if (tenths < 600) {
            return tenths / 10 + "." + tenths % 10 + " s";
        }
        long seconds = tenths / 10;
        return String.format("%d min %02d s", seconds / 60, seconds % 60);
    }
}

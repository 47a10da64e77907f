package com.bpo.simulator;

import com.bpo.simulator.TrafficEvent.EventKind;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The progress line: events sent per kind, the send rate and the scenario's clock. On a terminal one line is
 * rewritten in place every second; otherwise (a log file, a test) a plain line every ten seconds.
 */
final class Progress {

    private static final DateTimeFormatter SCENARIO_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(DragonBoatPeak.ZONE);

    private final PrintStream out;
    private final boolean inPlace;
    private final Tally tally;
    private final long intervalNanos;
    private long lastPrintNanos;
    private long lastSent;
    private int lastLength;

    Progress(PrintStream out, boolean inPlace, Tally tally) {
        this.out = out;
        this.inPlace = inPlace;
        this.tally = tally;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(inPlace ? 1 : 10);
    }

    /** Prints when the interval has passed since the last line. */
    void tick(long nowNanos, Instant scenarioTime) {
        if (lastPrintNanos == 0) {
            lastPrintNanos = nowNanos;
            return;
        }
        if (nowNanos - lastPrintNanos >= intervalNanos) {
            print(nowNanos, scenarioTime);
        }
    }

    /** The last line, ended. */
    void finish(long nowNanos, Instant scenarioTime) {
        print(nowNanos, scenarioTime);
        if (inPlace) {
            out.println();
        }
    }

    private void print(long nowNanos, Instant scenarioTime) {
        long sent = tally.totalSent();
        double seconds = Math.max(1e-3, (nowNanos - lastPrintNanos) / 1e9);
        String line = line(tally, (sent - lastSent) / seconds, scenarioTime);
        lastSent = sent;
        lastPrintNanos = nowNanos;
        if (inPlace) {
            // Pad over the rest of a longer previous line.
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String line(Tally tally, double ratePerSecond, Instant scenarioTime) {
        StringBuilder line = new StringBuilder();
        for (EventKind kind : EventKind.values()) {
            line.append(kind.label()).append(' ').append(String.format(Locale.ROOT, "%,d", tally.sent(kind)));
            line.append("  ");
        }
        line.append(String.format(Locale.ROOT, "| %,.0f events/s", ratePerSecond));
        if (scenarioTime != null) {
            line.append(" | at ").append(SCENARIO_TIME.format(scenarioTime));
        }
        if (tally.totalRejected() > 0 || tally.totalFailed() > 0) {
            line.append(String.format(
                    Locale.ROOT, " | rejected %,d failed %,d", tally.totalRejected(), tally.totalFailed()));
        }
        return line.toString();
    }
}

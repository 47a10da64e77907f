package com.bpo.bench;

import java.time.Duration;
import java.util.Set;

/**
 * The command line of the analytics benchmark.
 *
 * @param events KPI events published before analytics-service starts, for the sustained processing phase
 * @param freshnessRate events per second of the paced freshness phase, probes included
 * @param freshnessDuration how long the paced freshness phase publishes
 * @param probesPerSecond probe events per second among them (each one more inquiry of the probe brand)
 * @param queryRepeats how often each dashboard query is timed after the sustained phase
 * @param seed the seed of the generated traffic; the same seed gives the same events
 * @param factsBatchSize {@code bpo.kpi.facts.max-batch-size} for the service; 0 keeps the service's default
 * @param serviceHeap analytics-service's maximum heap ({@code -Xmx})
 * @param flightRecording record analytics-service with Java Flight Recorder (profile settings)
 */
public record AnalyticsOptions(
        long events,
        int freshnessRate,
        Duration freshnessDuration,
        int probesPerSecond,
        int queryRepeats,
        long seed,
        int factsBatchSize,
        String serviceHeap,
        boolean flightRecording) {

    static final String USAGE =
            """
            Usage: bench/run-analytics [options]

              --events 3000000      KPI events published before the service starts (sustained phase)
              --rate 10000          events/s of the paced freshness phase (probes included)
              --freshness 60s       how long the freshness phase publishes (units ms, s, m)
              --probes 10           probe events per second in the freshness phase
              --query-repeats 20    timed calls of each dashboard query
              --seed 20261123       seed of the generated traffic
              --batch-size N        the service's bpo.kpi.facts.max-batch-size (default: the service's own)
              --service-heap 1g     analytics-service's -Xmx (the local stack's)
              --jfr                 record analytics-service with Java Flight Recorder
                                    (bench/target/analytics/logs/analytics-service.jfr)
              --no-build            (script only) skip the Maven build
            """;

    public AnalyticsOptions {
        if (events < 10_000) {
            throw new IllegalArgumentException("--events must be at least 10000, was " + events);
        }
        if (freshnessRate < 1 || freshnessRate > 200_000) {
            throw new IllegalArgumentException("--rate must be 1-200000, was " + freshnessRate);
        }
        if (freshnessDuration.isNegative() || freshnessDuration.isZero()) {
            throw new IllegalArgumentException("--freshness must be positive");
        }
        if (probesPerSecond < 1 || probesPerSecond > Math.min(1_000, freshnessRate)) {
            throw new IllegalArgumentException(
                    "--probes must be 1-" + Math.min(1_000, freshnessRate) + ", was " + probesPerSecond);
        }
        if (queryRepeats < 1 || queryRepeats > 10_000) {
            throw new IllegalArgumentException("--query-repeats must be 1-10000, was " + queryRepeats);
        }
        if (factsBatchSize < 0 || factsBatchSize > 100_000) {
            throw new IllegalArgumentException("--batch-size must be 1-100000, was " + factsBatchSize);
        }
        if (!serviceHeap.matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException("--service-heap takes a size like 512m or 1g: " + serviceHeap);
        }
    }

    static AnalyticsOptions defaults() {
        return new AnalyticsOptions(3_000_000, 10_000, Duration.ofSeconds(60), 10, 20, 20261123L, 0, "1g", false);
    }

    /** Parses the options; anything unknown or malformed throws {@link IllegalArgumentException}. */
    static AnalyticsOptions parse(String... args) {
        AnalyticsOptions defaults = defaults();
        CommandLineOptions line = CommandLineOptions.read(
                args,
                Set.of("--jfr"),
                Set.of(
                        "--events",
                        "--rate",
                        "--freshness",
                        "--probes",
                        "--query-repeats",
                        "--seed",
                        "--batch-size",
                        "--service-heap"));
        int batchSize = line.integer("--batch-size", defaults.factsBatchSize);
        if (line.text("--batch-size", null) != null && batchSize == 0) {
            // 0 is the default's "the service's own batch size", which the option cannot ask for.
            throw new IllegalArgumentException("--batch-size must be 1-100000, was 0");
        }
        return new AnalyticsOptions(
                line.number("--events", defaults.events),
                line.integer("--rate", defaults.freshnessRate),
                line.duration("--freshness", defaults.freshnessDuration),
                line.integer("--probes", defaults.probesPerSecond),
                line.integer("--query-repeats", defaults.queryRepeats),
                line.number("--seed", defaults.seed),
                batchSize,
                line.text("--service-heap", defaults.serviceHeap),
                line.flag("--jfr", defaults.flightRecording));
    }

    /** The options as a command line, for the report. */
    String commandLine() {
        StringBuilder line = new StringBuilder("bench/run-analytics");
        line.append(" --events ").append(events);
        line.append(" --rate ").append(freshnessRate);
        line.append(" --freshness ")
                .append(
                        freshnessDuration.toMillis() % 1000 == 0
                                ? freshnessDuration.toSeconds() + "s"
                                : freshnessDuration.toMillis() + "ms");
        line.append(" --probes ").append(probesPerSecond);
        line.append(" --query-repeats ").append(queryRepeats);
        line.append(" --seed ").append(seed);
        if (factsBatchSize > 0) {
            line.append(" --batch-size ").append(factsBatchSize);
        }
        line.append(" --service-heap ").append(serviceHeap);
        if (flightRecording) {
            line.append(" --jfr");
        }
        return line.toString();
    }
}

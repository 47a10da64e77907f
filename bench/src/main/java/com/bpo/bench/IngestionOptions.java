package com.bpo.bench;

import java.time.Duration;
import java.util.Set;

/**
 * The command line of the chat ingestion benchmark.
 *
 * @param duration how long the measured phase lasts
 * @param warmup how long the load runs before measuring starts (JIT, connection pools, Kafka batches settle)
 * @param batch records per request, 1-10,000 (the endpoint's limit)
 * @param connections concurrent HTTP/1.1 connections, each sending one request at a time
 * @param ndjson send {@code application/x-ndjson} instead of a JSON array
 * @param seed the seed of the generated chat traffic; the same seed gives the same texts and conversations
 * @param producerPerformanceRecords records for Kafka's ProducerPerformance; 0 means as many as the REST phase
 *     accepted, at least 2,000,000
 * @param serviceHeap agent-service's maximum heap ({@code -Xmx})
 * @param flightRecording record agent-service with Java Flight Recorder (profile settings) to find where its time goes
 */
public record IngestionOptions(
        Duration duration,
        Duration warmup,
        int batch,
        int connections,
        boolean ndjson,
        long seed,
        long producerPerformanceRecords,
        String serviceHeap,
        boolean flightRecording) {

    static final int MAX_BATCH = 10_000;

    static final String USAGE =
            """
            Usage: bench/run-ingestion [options]

              --duration 60s        measured phase (units ms, s, m)
              --warmup 15s          load before measuring starts
              --batch 1000          records per request (1-10000)
              --connections 4       concurrent HTTP/1.1 connections
              --ndjson              send NDJSON instead of a JSON array
              --seed 20261123       seed of the generated chat traffic
              --pp-records N        records for Kafka's ProducerPerformance (default: as many as the REST
                                    phase accepted, at least 2,000,000)
              --service-heap 1g     agent-service's -Xmx
              --jfr                 record agent-service with Java Flight Recorder
                                    (bench/target/ingestion/logs/agent-service.jfr)
              --no-build            (script only) skip the Maven build
            """;

    public IngestionOptions {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("--batch must be 1-" + MAX_BATCH + ", was " + batch);
        }
        if (connections < 1 || connections > 256) {
            throw new IllegalArgumentException("--connections must be 1-256, was " + connections);
        }
        if (producerPerformanceRecords < 0) {
            throw new IllegalArgumentException("--pp-records must not be negative");
        }
    }

    static IngestionOptions defaults() {
        return new IngestionOptions(
                Duration.ofSeconds(60), Duration.ofSeconds(15), 1000, 4, false, 20261123L, 0, "1g", false);
    }

    /** Parses the options; anything unknown or malformed throws {@link IllegalArgumentException}. */
    static IngestionOptions parse(String... args) {
        IngestionOptions defaults = defaults();
        CommandLineOptions line = CommandLineOptions.read(
                args,
                Set.of("--ndjson", "--jfr"),
                Set.of(
                        "--duration",
                        "--warmup",
                        "--batch",
                        "--connections",
                        "--seed",
                        "--pp-records",
                        "--service-heap"));
        return new IngestionOptions(
                line.duration("--duration", defaults.duration),
                line.duration("--warmup", defaults.warmup),
                line.integer("--batch", defaults.batch),
                line.integer("--connections", defaults.connections),
                line.flag("--ndjson", defaults.ndjson),
                line.number("--seed", defaults.seed),
                line.number("--pp-records", defaults.producerPerformanceRecords),
                line.heapSize("--service-heap", defaults.serviceHeap),
                line.flag("--jfr", defaults.flightRecording));
    }

    /** The options as a command line, for the report. */
    String commandLine() {
        StringBuilder line = new StringBuilder("bench/run-ingestion");
        line.append(" --duration ").append(seconds(duration));
        line.append(" --warmup ").append(seconds(warmup));
        line.append(" --batch ").append(batch);
        line.append(" --connections ").append(connections);
        if (ndjson) {
            line.append(" --ndjson");
        }
        line.append(" --seed ").append(seed);
        if (producerPerformanceRecords > 0) {
            line.append(" --pp-records ").append(producerPerformanceRecords);
        }
        line.append(" --service-heap ").append(serviceHeap);
        if (flightRecording) {
            line.append(" --jfr");
        }
        return line.toString();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}

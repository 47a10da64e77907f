package com.bpo.bench;

import com.bpo.infra.KafkaEndpoint;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own producer benchmark, {@code org.apache.kafka.tools.ProducerPerformance}, run in a child JVM against the
 * benchmark's broker: what this machine can write to Kafka with nothing but a producer in the way.
 */
final class ProducerPerformance {

    static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";

    // The summary line of ProducerPerformance 4.x (Stats.printTotal); progress lines lack the percentiles.
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+)"
            + " MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th,"
            + " (\\d+) ms 99th, (\\d+) ms 99.9th\\.");

    // A progress line: one five-second window (Stats.printWindow).
    private static final Pattern WINDOW = Pattern.compile("(?m)^(\\d+) records sent, ([\\d.]+) records/sec \\([\\d.]+"
            + " MB/sec\\), [\\d.]+ ms avg latency, [\\d.]+ ms max latency\\.$");

    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private ProducerPerformance() {}

    /** The tool's summary. */
    record Result(
            long records,
            double recordsPerSecond,
            double megabytesPerSecond,
            double averageLatencyMs,
            double maxLatencyMs,
            long p50Ms,
            long p95Ms,
            long p99Ms,
            long p999Ms,
            double afterFirstWindowRecordsPerSecond) {}

    /**
     * The summary in the tool's output, if there is one, with the rate after the tool's first five-second window
     * (its own warm-up: a fresh JVM and producer), from its progress lines; NaN when there were fewer than two.
     */
    static Optional<Result> parse(String output) {
        double records = 0;
        double seconds = 0;
        Matcher window = WINDOW.matcher(output);
        boolean first = true;
        while (window.find()) {
            if (first) {
                first = false;
                continue;
            }
            double windowRecords = Double.parseDouble(window.group(1));
            records += windowRecords;
            seconds += windowRecords / Double.parseDouble(window.group(2));
        }
        double afterFirstWindow = seconds > 0 ? records / seconds : Double.NaN;
        Matcher matcher = SUMMARY.matcher(output);
        Result last = null;
        while (matcher.find()) {
            last = new Result(
                    Long.parseLong(matcher.group(1)),
                    Double.parseDouble(matcher.group(2)),
                    Double.parseDouble(matcher.group(3)),
                    Double.parseDouble(matcher.group(4)),
                    Double.parseDouble(matcher.group(5)),
                    Long.parseLong(matcher.group(6)),
                    Long.parseLong(matcher.group(7)),
                    Long.parseLong(matcher.group(8)),
                    Long.parseLong(matcher.group(9)),
                    afterFirstWindow);
        }
        return Optional.ofNullable(last);
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions, sends {@code records} records of {@code recordSize}
     * bytes as fast as the producer can with {@code producerSettings}, and deletes the topic again.
     *
     * @param log where the tool's output goes
     */
    static Result run(
            KafkaEndpoint kafka,
            String topic,
            int partitions,
            long records,
            int recordSize,
            Map<String, String> producerSettings,
            Path log)
            throws IOException, InterruptedException {
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BenchmarkException("cannot create topic " + topic, e);
        }
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-Duser.language=en",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp",
                    classpath(),
                    MAIN_CLASS,
                    "--topic",
                    topic,
                    "--num-records",
                    Long.toString(records),
                    "--record-size",
                    Integer.toString(recordSize),
                    "--throughput",
                    "-1",
                    "--producer-props",
                    "bootstrap.servers=" + kafka.bootstrapServers()));
            producerSettings.forEach((key, value) -> command.add(key + "=" + value));
            String output = KafkaTool.run("ProducerPerformance", command, log, TIMEOUT);
            return parse(output)
                    .orElseThrow(
                            () -> new BenchmarkException("no summary line in ProducerPerformance's output " + log));
        } finally {
            try (Admin admin = kafka.admin()) {
                admin.deleteTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // A scratch topic left behind only takes disk space in the benchmark's own broker.
            }
        }
    }

    /** kafka-tools and what it needs beyond this module's runtime class path (kafka-clients, Jackson, SLF4J). */
    private static String classpath() throws IOException {
        return resource("kafka-tools.classpath") + File.pathSeparator + resource("runtime.classpath");
    }

    static String resource(String name) throws IOException {
        String path = "META-INF/bpo-bench/" + name;
        try (InputStream in = ProducerPerformance.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new BenchmarkException(path + " is missing; build the module (./mvnw -pl bench -am package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}

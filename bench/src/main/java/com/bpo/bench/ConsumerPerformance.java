package com.bpo.bench;

import com.bpo.infra.KafkaEndpoint;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own consumer benchmark, {@code org.apache.kafka.tools.ConsumerPerformance}, run in a child JVM against the
 * benchmark's broker: how fast a bare consumer reads the same records on this machine. The tool reads one topic per
 * run, so it runs once per topic and the rates are combined over the sum of the fetch times.
 */
final class ConsumerPerformance {

    static final String MAIN_CLASS = "org.apache.kafka.tools.ConsumerPerformance";

    /*
     * The tool's result line without header (4.x): start.time, end.time, data.consumed.in.MB, MB.sec,
     * data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec.
     */
    private static final Pattern RESULT = Pattern.compile("(?m)^[^,]+, [^,]+, ([\\d.]+), ([\\d.]+), (\\d+), ([\\d.]+),"
            + " (-?\\d+), (\\d+), ([\\d.]+|NaN|Infinity), ([\\d.]+|NaN|Infinity)\\s*$");

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private ConsumerPerformance() {}

    /**
     * One run of the tool over one topic.
     *
     * @param records records consumed
     * @param megabytes MB consumed (keys and values, as the tool counts them)
     * @param rebalanceMs the time until the group had assigned the partitions
     * @param fetchMs the time from the assignment to the last record
     */
    record TopicRun(String topic, long records, double megabytes, long rebalanceMs, long fetchMs) {

        double recordsPerSecond() {
            return fetchMs == 0 ? Double.NaN : records * 1_000.0 / fetchMs;
        }
    }

    /** The runs over every topic. */
    record Result(List<TopicRun> runs) {

        long records() {
            return runs.stream().mapToLong(TopicRun::records).sum();
        }

        long fetchMs() {
            return runs.stream().mapToLong(TopicRun::fetchMs).sum();
        }

        /** Records per second of fetching, over all topics (rebalances and JVM starts left out, as the tool does). */
        double recordsPerSecond() {
            return fetchMs() == 0 ? Double.NaN : records() * 1_000.0 / fetchMs();
        }

        double megabytesPerSecond() {
            return fetchMs() == 0
                    ? Double.NaN
                    : runs.stream().mapToDouble(TopicRun::megabytes).sum() * 1_000.0 / fetchMs();
        }
    }

    /** The tool's result for {@code topic} in its output, if there is one. */
    static Optional<TopicRun> parse(String topic, String output) {
        Matcher matcher = RESULT.matcher(output);
        TopicRun last = null;
        while (matcher.find()) {
            last = new TopicRun(
                    topic,
                    Long.parseLong(matcher.group(3)),
                    Double.parseDouble(matcher.group(1)),
                    Long.parseLong(matcher.group(5)),
                    Long.parseLong(matcher.group(6)));
        }
        return Optional.ofNullable(last);
    }

    /**
     * Reads {@code records} records of each topic from the beginning with a new consumer group and {@code settings}.
     *
     * @param logDir where the tool's output and its consumer configuration go
     */
    static Result run(KafkaEndpoint kafka, Map<String, Long> records, Map<String, String> settings, Path logDir)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path config = logDir.resolve("consumer-performance.properties");
        StringBuilder properties = new StringBuilder();
        settings.forEach(
                (key, value) -> properties.append(key).append('=').append(value).append('\n'));
        Files.writeString(config, properties);
        List<TopicRun> runs = new ArrayList<>();
        for (Map.Entry<String, Long> topic : records.entrySet()) {
            if (topic.getValue() == 0) {
                continue;
            }
            Path log = logDir.resolve("consumer-performance-" + topic.getKey() + ".log");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-Duser.language=en",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp",
                    ProducerPerformance.resource("kafka-tools.classpath")
                            + File.pathSeparator
                            + ProducerPerformance.resource("runtime.classpath"),
                    MAIN_CLASS,
                    "--bootstrap-server",
                    kafka.bootstrapServers(),
                    "--topic",
                    topic.getKey(),
                    "--messages",
                    Long.toString(topic.getValue()),
                    "--group",
                    "bench.consumer-performance." + topic.getKey() + "." + System.nanoTime(),
                    "--consumer.config",
                    config.toString(),
                    "--timeout",
                    "60000",
                    "--hide-header");
            String output = KafkaTool.run("ConsumerPerformance", command, log, TIMEOUT);
            TopicRun run = parse(topic.getKey(), output)
                    .orElseThrow(() -> new BenchmarkException("no result line in ConsumerPerformance's output " + log));
            if (run.records() < topic.getValue()) {
                throw new BenchmarkException("ConsumerPerformance read " + run.records() + " of " + topic.getValue()
                        + " records of " + topic.getKey() + "; see " + log);
            }
            runs.add(run);
        }
        return new Result(List.copyOf(runs));
    }
}

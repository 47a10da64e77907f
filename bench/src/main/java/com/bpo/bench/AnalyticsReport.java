package com.bpo.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of the analytics benchmark measured, as a console summary and as the Markdown report in
 * {@code bench/results/}.
 *
 * @param orgCopy time from starting the service until its organisation copy held every published aggregate
 * @param rows rows of each fact table after the sustained phase
 * @param tableBytes each fact table's size on disk (indexes included) after the sustained phase
 * @param metricsAfterSustained a few lines of the service's {@code /q/metrics} right after the sustained phase
 * @param metrics the same at the end of the run
 */
record AnalyticsReport(
        Environment environment,
        AnalyticsOptions options,
        Publishing publishing,
        Duration orgCopy,
        Sustained sustained,
        Map<String, Long> rows,
        Map<String, Long> tableBytes,
        RawConsumer raw,
        Freshness freshness,
        Queries queries,
        List<String> metricsAfterSustained,
        List<String> metrics)
        implements BenchmarkReport {

    static final double TARGET_EVENTS_PER_SECOND = 50_000;
    static final double TARGET_FRESHNESS_P99_MS = 1_000;
    static final double TARGET_QUERY_MS = 1_000;

    record Environment(
            String startedAt, String machine, String jdk, String commit, String command, String postgresVersion) {}

    /**
     * The sustained phase's records, published before the service started.
     *
     * @param templatesPerType templates of each event type (the mix of the traffic)
     * @param recordsPerTopic records published to each topic
     */
    record Publishing(
            long records,
            Duration took,
            int templates,
            double recordBytes,
            Map<String, Long> templatesPerType,
            Map<String, Long> recordsPerTopic,
            int organisationEvents) {

        double recordsPerSecond() {
            return records / Math.max(1e-3, took.toNanos() / 1e9);
        }
    }

    /** One observation: milliseconds since the phase's reference point, records the consumer had committed. */
    record Sample(long millis, long committed) {}

    /**
     * The sustained phase.
     *
     * @param total records on the six topics
     * @param firstCommitted records committed at the first observation of a commit (the window starts there)
     * @param window from that observation to the one that saw every record committed
     * @param firstCommitAfterStart from starting the service to the first commit seen (start-up, migrations, join)
     * @param timeline committed records since the service was started, every 250 ms
     */
    record Sustained(
            long total,
            long firstCommitted,
            Duration window,
            Duration firstCommitAfterStart,
            CpuAccount.Usage cpu,
            List<Sample> timeline) {

        double eventsPerSecond() {
            return (total - firstCommitted) / Math.max(1e-3, window.toNanos() / 1e9);
        }
    }

    record RawConsumer(ConsumerPerformance.Result result, Map<String, String> settings, double busyBefore) {}

    /**
     * The paced freshness phase.
     *
     * @param published events published, probes included
     * @param probes probes published
     * @param visible probes the KPI API showed before the poller gave up
     * @param latency publish to visible in the API, of the visible probes
     * @param poll round trips of the probe query (the poll resolution, with {@code pollPause})
     * @param maxLag most records published but not yet committed by the consumer at a once-a-second look
     * @param timeline records committed by the consumer since the phase started, once a second
     */
    record Freshness(
            long published,
            Duration window,
            long probes,
            int visible,
            LatencySummary latency,
            LatencySummary poll,
            Duration pollPause,
            long maxLag,
            CpuAccount.Usage cpu,
            List<Sample> timeline) {

        double eventsPerSecond() {
            return published / Math.max(1e-3, window.toNanos() / 1e9);
        }
    }

    /**
     * One dashboard query.
     *
     * @param rows rows of its answer (CSV: lines after the header)
     * @param bytes size of its answer
     * @param firstCall the first, uncounted call (statements prepared, caches cold)
     * @param failure why it has no figures (no answer in time), or null
     */
    record Query(
            String name,
            String query,
            int rows,
            int bytes,
            Duration firstCall,
            LatencySummary latency,
            String failure) {}

    record Queries(LocalDate firstDay, LocalDate lastDay, int repeats, List<Query> timed) {

        double slowestP99() {
            return timed.stream()
                    .mapToDouble(query -> query.failure() == null
                            ? query.latency().p99()
                            : query.firstCall().toMillis())
                    .max()
                    .orElse(0);
        }
    }

    /** Events/s the service applied per record/s Kafka's own consumer read, on the same broker in the same run. */
    double ratio() {
        return sustained.eventsPerSecond() / raw.result().recordsPerSecond();
    }

    boolean meetsThroughputTarget() {
        return sustained.eventsPerSecond() >= TARGET_EVENTS_PER_SECOND;
    }

    boolean meetsFreshnessTarget() {
        return freshness.visible() == freshness.probes()
                && freshness.latency().p99() < TARGET_FRESHNESS_P99_MS
                && freshness.eventsPerSecond() >= options.freshnessRate() * 0.98;
    }

    boolean meetsQueryTarget() {
        return queries.slowestP99() < TARGET_QUERY_MS;
    }

    @Override
    public String summary() {
        StringBuilder out = new StringBuilder();
        line(
                out,
                "sustained:    %,.0f events/s applied (%,d events; target %,.0f) %s",
                sustained.eventsPerSecond(),
                sustained.total(),
                TARGET_EVENTS_PER_SECOND,
                meetsThroughputTarget() ? "MET" : "NOT MET");
        line(
                out,
                "raw consumer: %,.0f records/s (ConsumerPerformance), ratio %.3f",
                raw.result().recordsPerSecond(),
                ratio());
        line(
                out,
                "freshness:    %,.0f events/s, %d/%d probes visible, p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99"
                        + " < %.0f ms) %s",
                freshness.eventsPerSecond(),
                freshness.visible(),
                freshness.probes(),
                freshness.latency().p50(),
                freshness.latency().p99(),
                freshness.latency().max(),
                TARGET_FRESHNESS_P99_MS,
                meetsFreshnessTarget() ? "MET" : "NOT MET");
        line(
                out,
                "queries:      slowest p99 %.0f ms over %d calls each (target < %.0f ms) %s",
                queries.slowestP99(),
                queries.repeats(),
                TARGET_QUERY_MS,
                meetsQueryTarget() ? "MET" : "NOT MET");
        line(
                out,
                "cpu:          sustained: %s %.2f cores, others %.2f; freshness: %s %.2f cores, others %.2f",
                AnalyticsBenchmark.SERVICE,
                sustained.cpu().cores().getOrDefault(AnalyticsBenchmark.SERVICE, Double.NaN),
                sustained.cpu().otherCores(),
                AnalyticsBenchmark.SERVICE,
                freshness.cpu().cores().getOrDefault(AnalyticsBenchmark.SERVICE, Double.NaN),
                freshness.cpu().otherCores());
        return out.toString();
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder();
        line(md, "# Analytics benchmark, %s", environment.startedAt());
        line(md, "");
        line(md, "- machine: %s", environment.machine());
        line(md, "- %s; PostgreSQL %s; Kafka 4.1.1 (libs/infra)", environment.jdk(), environment.postgresVersion());
        line(md, "- commit: %s (plus the working tree's changes, if any)", environment.commit());
        line(md, "- command: `%s`", environment.command());
        line(
                md,
                "- analytics-service: fast-jar, prod profile, -Xmx%s, `bpo.kpi.facts.max-batch-size` %s",
                options.serviceHeap(),
                options.factsBatchSize() > 0 ? Integer.toString(options.factsBatchSize()) : "as configured (2000)");
        line(md, "");
        line(md, "## Result");
        line(md, "");
        line(md, "| figure | value | target |");
        line(md, "|---|---|---|");
        line(
                md,
                "| **events/s applied** (first to last commit of the `kpi-facts` consumer, %,d events) | **%,.0f** | %,.0f %s |",
                sustained.total() - sustained.firstCommitted(),
                sustained.eventsPerSecond(),
                TARGET_EVENTS_PER_SECOND,
                meetsThroughputTarget() ? "met" : "**not met**");
        line(
                md,
                "| Kafka's ConsumerPerformance over the same records, records/s | %,.0f | |",
                raw.result().recordsPerSecond());
        line(md, "| **ratio service / raw consumer** | **%.3f** | |", ratio());
        line(
                md,
                "| freshness at %,.0f events/s: publish to visible in `GET %s`, p50 / p90 / p99 / max | %.0f / %.0f / **%.0f** / %.0f ms | p99 < %.0f ms %s |",
                freshness.eventsPerSecond(),
                AnalyticsBenchmark.KPI_PATH,
                freshness.latency().p50(),
                freshness.latency().p90(),
                freshness.latency().p99(),
                freshness.latency().max(),
                TARGET_FRESHNESS_P99_MS,
                meetsFreshnessTarget() ? "met" : "**not met**");
        line(
                md,
                "| dashboard queries over %d days, slowest p99 | %.0f ms | < %.0f ms %s |",
                ChronoUnit.DAYS.between(queries.firstDay(), queries.lastDay()) + 1,
                queries.slowestP99(),
                TARGET_QUERY_MS,
                meetsQueryTarget() ? "met" : "**not met**");
        line(md, "");

        line(md, "## Traffic");
        line(md, "");
        line(
                md,
                "%,d events published before analytics-service started, in %.1f s (%,.0f records/s, acks=all, idempotent, linger 20 ms, 256 KB batches), from %,d templates of %.0f bytes on average (key, value and CloudEvent headers), after %d organisation events on `org.events`. Mix of the templates by event type:",
                publishing.records(),
                publishing.took().toMillis() / 1e3,
                publishing.recordsPerSecond(),
                publishing.templates(),
                publishing.recordBytes(),
                publishing.organisationEvents());
        line(md, "");
        line(md, "| event type | templates | share |");
        line(md, "|---|---|---|");
        publishing
                .templatesPerType()
                .forEach((type, count) ->
                        line(md, "| `%s` | %,d | %.1f %% |", type, count, 100.0 * count / publishing.templates()));
        line(md, "");
        line(md, "| topic | records |");
        line(md, "|---|---|");
        publishing.recordsPerTopic().forEach((topic, count) -> line(md, "| `%s` | %,d |", topic, count));
        line(md, "");

        line(md, "## Sustained processing");
        line(md, "");
        line(
                md,
                "The service's organisation copy held every aggregate %.1f s after the service was started; the first batch commit was seen %.1f s after the start. From then until every record was committed: %.1f s, %,.0f events/s (progress: the consumer group's committed offsets, which the kit commits to Kafka after each batch's database transaction; sampled every 250 ms).",
                orgCopy.toMillis() / 1e3,
                sustained.firstCommitAfterStart().toMillis() / 1e3,
                sustained.window().toMillis() / 1e3,
                sustained.eventsPerSecond());
        line(md, "");
        line(md, "| fact table | rows | on disk (MB, indexes included) | bytes per row |");
        line(md, "|---|---|---|---|");
        rows.forEach((table, count) -> {
            long bytes = tableBytes.getOrDefault(table, 0L);
            line(
                    md,
                    "| `%s` | %,d | %.1f | %s |",
                    table,
                    count,
                    bytes / 1e6,
                    count == 0 ? "-" : String.format(Locale.ROOT, "%.0f", (double) bytes / count));
        });
        line(md, "");
        cpuTable(md, "CPU during the sustained window", sustained.cpu());
        line(md, "Per 5 s of the window: events applied per second.");
        line(md, "");
        line(md, "| second since the service's start | events/s | committed |");
        line(md, "|---|---|---|");
        Sample before = null;
        for (Sample sample : sustained.timeline()) {
            if (sample.committed() == 0) {
                continue;
            }
            if (before == null) {
                before = sample;
                continue;
            }
            if (sample.millis() - before.millis() >= 5_000 || sample.committed() >= sustained.total()) {
                line(
                        md,
                        "| %.0f | %,.0f | %,d |",
                        sample.millis() / 1e3,
                        (sample.committed() - before.committed()) * 1_000.0 / (sample.millis() - before.millis()),
                        sample.committed());
                before = sample;
            }
        }
        line(md, "");

        line(md, "## Raw Kafka consumer");
        line(md, "");
        line(
                md,
                "Kafka's `ConsumerPerformance` (kafka-tools 4.1.1) in a child JVM (-Xmx512m), once per topic (the tool reads one topic per run), over the same records from the beginning with a new group and the settings %s (as the kit's batch consumer reads), after the sustained phase with the service idle (%.2f cores busy in the second before it started). The rate is records over the sum of the tool's fetch times (its own rebalance time left out).",
                raw.settings(),
                raw.busyBefore());
        line(md, "");
        line(md, "| topic | records | MB | fetch time | records/s |");
        line(md, "|---|---|---|---|---|");
        for (ConsumerPerformance.TopicRun run : raw.result().runs()) {
            line(
                    md,
                    "| `%s` | %,d | %.1f | %,d ms | %,.0f |",
                    run.topic(),
                    run.records(),
                    run.megabytes(),
                    run.fetchMs(),
                    run.recordsPerSecond());
        }
        line(
                md,
                "| all | %,d | | %,d ms | **%,.0f** (%.1f MB/s) |",
                raw.result().records(),
                raw.result().fetchMs(),
                raw.result().recordsPerSecond(),
                raw.result().megabytesPerSecond());
        line(md, "");

        line(md, "## Freshness");
        line(md, "");
        line(
                md,
                "A paced publisher (the kit's event producer settings: acks=all, idempotent, linger 5 ms) sent %,d events in %.1f s (%,.0f events/s; asked: %,d/s) while the service was caught up; %,d of them were probes, %d per second: a customer message opening a new conversation of brand `%s`. A poller asked `GET %s?brandId=%s&kpis=inquiries` (platform-admin token) for the probe brand's inquiries again and again, %d ms apart; a probe counts as visible at the first answer whose count covers it, and its freshness is from just before `send` to that answer.",
                freshness.published(),
                freshness.window().toMillis() / 1e3,
                freshness.eventsPerSecond(),
                options.freshnessRate(),
                freshness.probes(),
                options.probesPerSecond(),
                AnalyticsOrganisation.PROBE_BRAND,
                AnalyticsBenchmark.KPI_PATH,
                AnalyticsOrganisation.PROBE_BRAND,
                freshness.pollPause().toMillis());
        line(md, "");
        line(
                md,
                "Poll resolution: one poll took %.1f ms at the median (p99 %.1f ms, %,d polls), so a probe's figure is at most about %.0f ms later than the moment it became visible.",
                freshness.poll().p50(),
                freshness.poll().p99(),
                freshness.poll().count(),
                freshness.poll().p50() + freshness.pollPause().toMillis());
        line(md, "");
        line(md, "| probes visible | p50 | p90 | p99 | p99.9 | max |");
        line(md, "|---|---|---|---|---|---|");
        line(
                md,
                "| %d of %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms |",
                freshness.visible(),
                freshness.probes(),
                freshness.latency().p50(),
                freshness.latency().p90(),
                freshness.latency().p99(),
                freshness.latency().p999(),
                freshness.latency().max());
        line(md, "");
        line(
                md,
                "Most records published but not yet committed by the consumer, looked at once a second: %,d.",
                freshness.maxLag());
        line(md, "");
        cpuTable(md, "CPU during the freshness window", freshness.cpu());

        line(md, "## Dashboard queries");
        line(md, "");
        line(
                md,
                "Brand `%s`, %s to %s (the sustained phase's days), all KPIs, platform-admin token; each query once to warm up, then %d times in a row (p99 of %d calls is close to their maximum).",
                AnalyticsOrganisation.BRAND,
                queries.firstDay(),
                queries.lastDay(),
                queries.repeats(),
                queries.repeats());
        line(md, "");
        line(md, "| query | rows | answer | first call | p50 | p90 | p99 | max |");
        line(md, "|---|---|---|---|---|---|---|---|");
        for (Query query : queries.timed()) {
            if (query.failure() != null) {
                line(
                        md,
                        "| %s (`%s`) | %s | | | | | | |",
                        query.name(),
                        query.query().replaceAll("^.*?&from", "from"),
                        query.failure());
                continue;
            }
            line(
                    md,
                    "| %s (`%s`) | %,d | %,d KB | %,d ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms |",
                    query.name(),
                    query.query().replaceAll("^.*?&from", "from"),
                    query.rows(),
                    query.bytes() / 1024,
                    query.firstCall().toMillis(),
                    query.latency().p50(),
                    query.latency().p90(),
                    query.latency().p99(),
                    query.latency().max());
        }
        line(md, "");
        metricsBlock(md, "analytics-service metrics after the sustained phase", metricsAfterSustained);
        metricsBlock(md, "analytics-service metrics at the end", metrics);
        return md.toString();
    }

    private static void cpuTable(StringBuilder md, String title, CpuAccount.Usage cpu) {
        line(md, "%s, in cores (1.0 = one core busy the whole time), of %d available:", title, cpu.availableCores());
        line(md, "");
        line(md, "| process | cores |");
        line(md, "|---|---|");
        for (Map.Entry<String, Double> party : cpu.cores().entrySet()) {
            line(md, "| %s | %.2f |", party.getKey(), party.getValue());
        }
        line(md, "| everything else (other builds, the system) | %.2f |", cpu.otherCores());
        line(md, "| whole machine | %.2f |", cpu.machineCores());
        line(md, "");
        if (!cpu.busiestOthers().isEmpty()) {
            line(md, "Busiest processes in \"everything else\":");
            line(md, "");
            for (CpuAccount.Other other : cpu.busiestOthers()) {
                line(md, "- `%s`: %.2f cores", other.process(), other.cores());
            }
            line(md, "");
        }
    }

    private static void metricsBlock(StringBuilder md, String title, List<String> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        line(md, "## %s", title);
        line(md, "");
        line(md, "```");
        metrics.forEach(metric -> line(md, "%s", metric));
        line(md, "```");
        line(md, "");
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(values.length == 0 ? format : String.format(Locale.ROOT, format, values))
                .append('\n');
    }
}

package com.bpo.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one run measured, and its rendering as the markdown written to {@code bench/results/}.
 *
 * @param environment machine, JDK, commit and the command
 * @param load what the ingestion endpoint answered
 * @param tables how agent-service's tables kept up
 * @param kafka what the service wrote to Kafka
 * @param producerPerformance Kafka's own producer benchmark on the same broker, same record size
 * @param cpu who used the cores during the measured window
 * @param timeline one entry per second of the load
 * @param serviceMetrics selected lines of the service's {@code /q/metrics} after the run
 */
record IngestionReport(
        Environment environment,
        IngestionOptions options,
        Load load,
        Tables tables,
        KafkaFigures kafka,
        ProducerRun producerPerformance,
        CpuAccount.Usage cpu,
        List<Second> timeline,
        List<String> serviceMetrics)
        implements BenchmarkReport {

    /** The target: at least this many messages per second accepted ... */
    static final double TARGET_MESSAGES_PER_SECOND = 50_000;
    /** ... with a 99th percentile request latency below this, with batches of 1,000. */
    static final double TARGET_P99_MS = 250;

    record Environment(String startedAt, String machine, String jdk, String commit, String command) {}

    /**
     * @param probeAccepted messages accepted by the readiness probe before the load (they are in the tables too)
     * @param bodyBytes average request body size
     */
    record Load(LoadRunner.Result result, long probeAccepted, double bodyBytes, int templates) {}

    /**
     * @param rowsAtStart exact rows in {@code message} when the measured window opened
     * @param rowsAtEnd exact rows when it closed
     * @param acceptedAtStart messages accepted (all phases, probe included) when the window opened
     * @param acceptedAtEnd messages accepted when the window closed
     * @param maxLagInWindow largest accepted-minus-stored seen in the window's one-second samples (statistics counter)
     * @param expectedRows every message accepted in the run
     * @param catchUp time from the end of the load until {@code message} held every accepted message; null if it
     *     never did within the wait
     * @param finalCounts exact row counts of the service's chat tables at the end
     */
    record Tables(
            long rowsAtStart,
            long rowsAtEnd,
            long acceptedAtStart,
            long acceptedAtEnd,
            long maxLagInWindow,
            long expectedRows,
            Duration catchUp,
            Duration catchUpWait,
            Map<String, Long> finalCounts) {

        double rowsPerSecond(Duration window) {
            return (rowsAtEnd - rowsAtStart) / (window.toNanos() / 1e9);
        }

        long lagAtEnd() {
            return acceptedAtEnd - rowsAtEnd;
        }
    }

    record KafkaFigures(TopicSample chatEvents, long messageOriginals) {}

    /** @param busyBefore the machine's busy cores in the second before the tool started */
    record ProducerRun(
            long records,
            int recordSize,
            Map<String, String> settings,
            ProducerPerformance.Result result,
            double busyBefore) {}

    /** One second of the load: accepted messages and stored rows (statistics counter) so far. */
    record Second(long second, long accepted, long insertedRows) {}

    /** The headline: messages/s accepted through REST per record/s Kafka's own producer achieved. */
    double ratio() {
        return load.result().acceptedPerSecond() / producerPerformance.result().recordsPerSecond();
    }

    /** The ratio against ProducerPerformance's rate after its first five-second window; NaN if it had none. */
    double warmRatio() {
        return load.result().acceptedPerSecond() / producerPerformance.result().afterFirstWindowRecordsPerSecond();
    }

    private String warmRatioText(String format) {
        return Double.isNaN(warmRatio()) ? "" : String.format(Locale.ROOT, format, warmRatio());
    }

    boolean targetMet() {
        return options.batch() == 1000
                && load.result().acceptedPerSecond() >= TARGET_MESSAGES_PER_SECOND
                && load.result().latency().p99() < TARGET_P99_MS
                && load.result().all().failedRequests() == 0
                && load.result().all().rejected == 0;
    }

    /** The short table printed at the end of a run. */
    @Override
    public String summary() {
        LoadRunner.Result result = load.result();
        LatencySummary latency = result.latency();
        StringBuilder out = new StringBuilder();
        row(
                out,
                "accepted through REST",
                "%,.0f messages/s (%d s window)",
                result.acceptedPerSecond(),
                seconds(result.window()));
        row(
                out,
                "request latency",
                "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms",
                latency.p50(),
                latency.p90(),
                latency.p99(),
                latency.max());
        row(
                out,
                "rejected / non-200 / no answer",
                "%d / %d / %d",
                result.all().rejected,
                result.all().failedRequests(),
                result.all().transportErrors);
        row(
                out,
                "message table",
                "%,.0f rows/s in the window, lag at its end %,d",
                tables.rowsPerSecond(result.window()),
                tables.lagAtEnd());
        row(out, "caught up after the load", "%s", catchUpText());
        row(
                out,
                "ProducerPerformance",
                "%,.0f records/s of %d bytes, p99 %d ms",
                producerPerformance.result().recordsPerSecond(),
                producerPerformance.recordSize(),
                producerPerformance.result().p99Ms());
        row(
                out,
                "ratio REST / Kafka",
                "%.2f%s",
                ratio(),
                warmRatioText(" (%.2f against the tool after its first 5 s)"));
        row(out, "target (>= 50,000/s, p99 < 250 ms, batch 1000)", "%s", targetMet() ? "met" : "not met");
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String format, Object... values) {
        out.append(String.format(Locale.ROOT, "%-48s %s%n", name, String.format(Locale.ROOT, format, values)));
    }

    private String catchUpText() {
        return tables.catchUp() == null
                ? String.format(
                        Locale.ROOT, "not within %d s", tables.catchUpWait().toSeconds())
                : String.format(Locale.ROOT, "%.1f s", tables.catchUp().toMillis() / 1000.0);
    }

    /** The report as markdown. */
    @Override
    public String markdown() {
        LoadRunner.Result result = load.result();
        LatencySummary latency = result.latency();
        IngestionCounts measured = result.measured();
        IngestionCounts all = result.all();
        StringBuilder md = new StringBuilder();
        line(md, "# Chat ingestion benchmark, %s", environment.startedAt());
        line(md, "");
        line(md, "`%s`", environment.command());
        line(md, "");
        line(
                md,
                "Machine: %s; %s; commit %s. The load generator, agent-service, Kafka, PostgreSQL and Keycloak all ran on this machine and shared its cores (see CPU below).",
                environment.machine(),
                environment.jdk(),
                environment.commit());
        line(md, "");
        line(md, "## Result");
        line(md, "");
        line(md, "| figure | value |");
        line(md, "|---|---|");
        line(
                md,
                "| **messages/s accepted through REST** (durable: acknowledged by Kafka, acks=all) | **%,.0f** |",
                result.acceptedPerSecond());
        line(
                md,
                "| **ProducerPerformance records/s** (same broker, same record size and producer settings) | **%,.0f** |",
                producerPerformance.result().recordsPerSecond());
        line(md, "| **ratio REST / Kafka** | **%.2f** |", ratio());
        line(
                md,
                "| ProducerPerformance after its own first 5 s (a fresh JVM warms up too) / ratio against that | %s |",
                Double.isNaN(warmRatio())
                        ? "n/a (the tool ran less than 10 s)"
                        : String.format(
                                Locale.ROOT,
                                "%,.0f / %.2f",
                                producerPerformance.result().afterFirstWindowRecordsPerSecond(),
                                warmRatio()));
        line(
                md,
                "| request latency p50 / p90 / p99 / p99.9 / max | %.0f / %.0f / %.0f / %.0f / %.0f ms |",
                latency.p50(),
                latency.p90(),
                latency.p99(),
                latency.p999(),
                latency.max());
        line(md, "| `message` rows/s stored during the window | %,.0f |", tables.rowsPerSecond(result.window()));
        line(
                md,
                "| lag (accepted - stored) at the window's end / largest in the window | %,d / %,d messages |",
                tables.lagAtEnd(),
                tables.maxLagInWindow());
        line(md, "| table caught up after the load stopped | %s |", catchUpText());
        line(
                md,
                "| target: >= %,.0f messages/s with p99 < %.0f ms, batches of 1,000 | %s |",
                TARGET_MESSAGES_PER_SECOND,
                TARGET_P99_MS,
                targetMet() ? "met" : "not met");
        line(md, "");
        line(md, "## REST ingestion");
        line(md, "");
        line(
                md,
                "%d connections, %d records per request (%s, %,.0f bytes per body on average), closed loop: each connection sends its next batch when the previous one is answered. Warm-up %d s, measured window %d s; a request counts in the phase in which its answer arrived.",
                options.connections(),
                options.batch(),
                options.ndjson() ? "NDJSON" : "JSON array",
                load.bodyBytes(),
                seconds(options.warmup()),
                seconds(result.window()));
        line(md, "");
        line(md, "| | measured window | whole run (warm-up, window, requests in flight at its end) |");
        line(md, "|---|---|---|");
        line(md, "| requests | %,d | %,d |", measured.requests, all.requests);
        line(md, "| messages sent | %,d | %,d |", measured.messagesSent, all.messagesSent);
        line(md, "| accepted | %,d | %,d |", measured.accepted, all.accepted);
        line(md, "| duplicates | %,d | %,d |", measured.duplicates, all.duplicates);
        line(md, "| rejected | %,d | %,d |", measured.rejected, all.rejected);
        line(md, "| answers by status | %s | %s |", measured.statuses, all.statuses);
        line(
                md,
                "| no answer (connection errors, timeouts) | %,d | %,d |",
                measured.transportErrors,
                all.transportErrors);
        line(md, "");
        if (!result.errorSamples().isEmpty()) {
            line(md, "First errors:");
            line(md, "");
            for (String error : result.errorSamples()) {
                line(md, "- `%s`", error.length() > 300 ? error.substring(0, 300) + "..." : error);
            }
            line(md, "");
        }
        line(
                md,
                "The request bodies were written before the load started (%d templates; each request copies one and writes a new cycle number into its ids), so the generator spends its CPU on HTTP, not on JSON. It still shares the machine's cores with the service and the servers.",
                load.templates());
        line(md, "");
        line(md, "## agent-service's tables");
        line(md, "");
        line(
                md,
                "`message` is built by the service's own consumer of `chat.events`. Exact counts (`count(*)` as the schema owner) at the window's edges; the per-second figures below come from PostgreSQL's statistics counter of inserted rows, which is cheap but reported by backends about once a second.");
        line(md, "");
        line(md, "| | value |");
        line(md, "|---|---|");
        line(md, "| rows at the window's start / end | %,d / %,d |", tables.rowsAtStart(), tables.rowsAtEnd());
        line(
                md,
                "| accepted at the window's start / end (whole run) | %,d / %,d |",
                tables.acceptedAtStart(),
                tables.acceptedAtEnd());
        line(
                md,
                "| messages accepted in the whole run (incl. %,d of the readiness probe) | %,d |",
                load.probeAccepted(),
                tables.expectedRows());
        line(md, "| caught up after the load stopped | %s |", catchUpText());
        for (Map.Entry<String, Long> count : tables.finalCounts().entrySet()) {
            line(md, "| rows in `%s` at the end | %,d |", count.getKey(), count.getValue());
        }
        line(md, "");
        line(md, "## Kafka");
        line(md, "");
        TopicSample chat = kafka.chatEvents();
        line(
                md,
                "`chat.events` holds %,d records (%,d sampled): value %.0f bytes, key %.0f bytes, CloudEvent headers %.0f bytes on average, %.0f bytes per record in all. `agent.message-originals` (the encrypted originals of redacted messages) holds %,d records (%.1f%% of the messages).",
                chat.records(),
                chat.sampled(),
                chat.valueBytes(),
                chat.keyBytes(),
                chat.headerBytes(),
                chat.recordBytes(),
                kafka.messageOriginals(),
                chat.records() == 0 ? 0.0 : 100.0 * kafka.messageOriginals() / chat.records());
        line(md, "");
        ProducerPerformance.Result pp = producerPerformance.result();
        line(
                md,
                "Kafka's `ProducerPerformance` (kafka-tools %s) in a child JVM (-Xmx512m) against the same broker after the REST phase, with agent-service stopped: %,d records of %d bytes (the average record above: key, value and headers in one value) on a scratch topic with 6 partitions, producer settings %s: those of the service's event producer (the kit's `EventProducer`; its batch size and compression rate are among the metrics below). It started once the machine had calmed down after the load (%.2f cores busy in the second before; the wait ends at 0.25 or after 90 s).",
                "4.1.1",
                producerPerformance.records(),
                producerPerformance.recordSize(),
                producerPerformance.settings(),
                producerPerformance.busyBefore());
        line(md, "");
        line(md, "| records/s | after its first 5 s | MB/s | avg latency | p50 | p95 | p99 | p99.9 | max |");
        line(md, "|---|---|---|---|---|---|---|---|---|");
        line(
                md,
                "| %,.0f | %,.0f | %.1f | %.1f ms | %d ms | %d ms | %d ms | %d ms | %.0f ms |",
                pp.recordsPerSecond(),
                pp.afterFirstWindowRecordsPerSecond(),
                pp.megabytesPerSecond(),
                pp.averageLatencyMs(),
                pp.p50Ms(),
                pp.p95Ms(),
                pp.p99Ms(),
                pp.p999Ms(),
                pp.maxLatencyMs());
        line(md, "");
        line(
                md,
                "ProducerPerformance sends keyless records (the sticky partitioner fills one partition's batch at a time), while the service keys every record by conversation and adds the original text of redacted messages as a second record; both make the service's producer work a little harder per message than the tool's.");
        line(md, "");
        line(md, "## CPU during the measured window");
        line(md, "");
        line(md, "In cores (1.0 = one core busy the whole window), of %d available.", cpu.availableCores());
        line(md, "");
        line(md, "| process | cores |");
        line(md, "|---|---|");
        for (Map.Entry<String, Double> party : cpu.cores().entrySet()) {
            line(md, "| %s | %.2f |", party.getKey(), party.getValue());
        }
        line(md, "| everything else (server daemons, other builds, the system) | %.2f |", cpu.otherCores());
        line(md, "| whole machine | %.2f |", cpu.machineCores());
        if (!cpu.busiestOthers().isEmpty()) {
            line(md, "");
            line(md, "Busiest processes in \"everything else\":");
            line(md, "");
            for (CpuAccount.Other other : cpu.busiestOthers()) {
                line(md, "- `%s`: %.2f cores", other.process(), other.cores());
            }
        }
        line(md, "");
        line(md, "## Timeline");
        line(md, "");
        line(
                md,
                "Per 5 s: messages accepted per second, `message` rows inserted per second (statistics counter) and the lag between them at the end of the interval.");
        line(md, "");
        line(md, "| second | accepted/s | rows/s | lag |");
        line(md, "|---|---|---|---|");
        Second before = null;
        for (Second now : timeline) {
            if (now.second() % 5 != 0) {
                continue;
            }
            if (before == null) {
                before = now;
                continue;
            }
            double span = now.second() - before.second();
            line(
                    md,
                    "| %d | %,.0f | %,.0f | %,d |",
                    now.second(),
                    (now.accepted() - before.accepted()) / span,
                    (now.insertedRows() - before.insertedRows()) / span,
                    now.accepted() - now.insertedRows());
            before = now;
        }
        line(md, "");
        if (!serviceMetrics.isEmpty()) {
            line(md, "## agent-service metrics after the run");
            line(md, "");
            line(md, "```");
            serviceMetrics.forEach(metric -> line(md, "%s", metric));
            line(md, "```");
        }
        return md.toString();
    }

    private static long seconds(Duration duration) {
        return Math.round(duration.toMillis() / 1000.0);
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(values.length == 0 ? format : String.format(Locale.ROOT, format, values))
                .append('\n');
    }
}

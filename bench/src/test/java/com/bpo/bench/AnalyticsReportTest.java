package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsReportTest {

    private static final CpuAccount.Usage CPU = new CpuAccount.Usage(
            Map.of(AnalyticsBenchmark.SERVICE, 1.2, "Kafka broker", 0.2),
            1.9,
            2,
            List.of(new CpuAccount.Other("pid 7 java maven", 0.3)));

    private static AnalyticsReport report(double sustainedSeconds, double freshnessP99, double queryP99) {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("kpi_message", 2_000_000L);
        rows.put("kpi_call", 0L);
        Map<String, Long> bytes = new LinkedHashMap<>();
        bytes.put("kpi_message", 400_000_000L);
        bytes.put("kpi_call", 16_384L);
        return new AnalyticsReport(
                new AnalyticsReport.Environment(
                        "2026-11-23T18:00:00", "2 cores", "JDK 17", "abc", "bench/run-analytics", "16.4"),
                AnalyticsOptions.defaults(),
                new AnalyticsReport.Publishing(
                        3_000_000,
                        Duration.ofSeconds(30),
                        56_000,
                        677,
                        Map.of("bpo.chat.message-sent.v1", 40_000L),
                        Map.of("chat.events", 2_800_000L),
                        55),
                Duration.ofSeconds(12),
                new AnalyticsReport.Sustained(
                        3_000_000,
                        200_000,
                        Duration.ofMillis((long) (sustainedSeconds * 1000)),
                        Duration.ofSeconds(20),
                        CPU,
                        List.of(
                                new AnalyticsReport.Sample(20_000, 200_000),
                                new AnalyticsReport.Sample(25_000, 1_600_000),
                                new AnalyticsReport.Sample(30_000, 3_000_000))),
                rows,
                bytes,
                new AnalyticsReport.RawConsumer(
                        new ConsumerPerformance.Result(List.of(
                                new ConsumerPerformance.TopicRun("chat.events", 3_000_000, 2000, 3000, 10_000))),
                        Map.of("isolation.level", "read_committed"),
                        0.1),
                new AnalyticsReport.Freshness(
                        600_000,
                        Duration.ofSeconds(60),
                        600,
                        600,
                        new LatencySummary(600, 150, 120, 200, freshnessP99, freshnessP99, freshnessP99 + 10),
                        new LatencySummary(3000, 8, 7, 9, 15, 20, 25),
                        Duration.ofMillis(10),
                        4_000,
                        CPU,
                        List.of()),
                new AnalyticsReport.Queries(
                        LocalDate.parse("2026-11-19"),
                        LocalDate.parse("2026-11-21"),
                        20,
                        List.of(new AnalyticsReport.Query(
                                "by vendor, 3 days",
                                "brandId=brand-bench&from=2026-11-19&to=2026-11-21&groupBy=vendor&format=json",
                                2,
                                4_096,
                                Duration.ofMillis(900),
                                new LatencySummary(
                                        20, queryP99 / 2, queryP99 / 2, queryP99, queryP99, queryP99, queryP99),
                                null))),
                List.of("bpo_consumer_events_total{consumer=\"kpi-facts\",outcome=\"applied\"} 3000000.0"),
                List.of());
    }

    @Test
    void theRateCountsFromTheFirstCommitSeenAndTheRatioComparesItWithTheRawConsumer() {
        AnalyticsReport report = report(56, 400, 300);

        assertThat(report.sustained().eventsPerSecond()).isCloseTo(50_000, within(0.1));
        assertThat(report.raw().result().recordsPerSecond()).isCloseTo(300_000, within(0.1));
        assertThat(report.ratio()).isCloseTo(1 / 6.0, within(1e-9));
        assertThat(report.freshness().eventsPerSecond()).isCloseTo(10_000, within(0.1));
    }

    @Test
    void targetsAreJudgedEachOnItsOwn() {
        assertThat(report(56, 400, 300).meetsThroughputTarget()).isTrue();
        assertThat(report(57, 400, 300).meetsThroughputTarget()).isFalse();
        assertThat(report(56, 999, 300).meetsFreshnessTarget()).isTrue();
        assertThat(report(56, 1_000, 300).meetsFreshnessTarget()).isFalse();
        assertThat(report(56, 400, 999).meetsQueryTarget()).isTrue();
        assertThat(report(56, 400, 1_200).meetsQueryTarget()).isFalse();
    }

    @Test
    void theReportStatesTheFiguresTheTargetsAndTheMachinesLoad() {
        String markdown = report(112, 1_500, 300).markdown();

        assertThat(markdown)
                .contains(
                        "| **events/s applied** (first to last commit of the `kpi-facts` consumer, 2,800,000 events) | **25,000** | 50,000 **not met** |")
                .contains("| **ratio service / raw consumer** | **0.083** | |")
                .contains("p99 < 1000 ms **not met**")
                .contains("| `kpi_message` | 2,000,000 | 400.0 | 200 |")
                .contains("| `kpi_call` | 0 | 0.0 | - |")
                .contains("| everything else (other builds, the system) | 0.50 |")
                .contains("`pid 7 java maven`: 0.30 cores")
                .contains("| 25 | 280,000 | 1,600,000 |")
                .contains("bpo_consumer_events_total");
        assertThat(report(112, 1_500, 300).summary())
                .contains("25,000 events/s applied")
                .contains("ratio 0.083")
                .contains("NOT MET");
    }
}

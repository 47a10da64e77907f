package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestionReportTest {

    @Test
    void ratioIsAcceptedMessagesPerSecondOverProducerRecordsPerSecond() {
        IngestionReport report = report(3_000_000, 240, 200_000, IngestionOptions.defaults());

        // 3,000,000 accepted in 60 s = 50,000/s; 200,000 records/s from ProducerPerformance.
        assertThat(report.load().result().acceptedPerSecond()).isCloseTo(50_000, within(0.1));
        assertThat(report.ratio()).isCloseTo(0.25, within(0.0001));
    }

    @Test
    void targetNeedsFiftyThousandPerSecondAndP99Below250MsWithBatchesOfOneThousand() {
        assertThat(report(3_000_000, 240, 200_000, IngestionOptions.defaults()).targetMet())
                .isTrue();
        assertThat(report(2_999_000, 240, 200_000, IngestionOptions.defaults()).targetMet())
                .as("below 50,000/s")
                .isFalse();
        assertThat(report(3_000_000, 260, 200_000, IngestionOptions.defaults()).targetMet())
                .as("p99 above 250 ms")
                .isFalse();
        assertThat(report(3_000_000, 240, 200_000, IngestionOptions.parse("--batch", "5000"))
                        .targetMet())
                .as("another batch size")
                .isFalse();
    }

    @Test
    void markdownLeadsWithTheHeadlineFigures() {
        String markdown =
                report(3_000_000, 240, 200_000, IngestionOptions.defaults()).markdown();

        assertThat(markdown)
                .contains("`bench/run-ingestion --duration 60s --warmup 15s --batch 1000 --connections 4")
                .contains(
                        "| **messages/s accepted through REST** (durable: acknowledged by Kafka, acks=all) | **50,000** |")
                .contains(
                        "| **ProducerPerformance records/s** (same broker, same record size and producer settings) | **200,000** |")
                .contains("| **ratio REST / Kafka** | **0.25** |")
                .contains(
                        "| ProducerPerformance after its own first 5 s (a fresh JVM warms up too) / ratio against that"
                                + " | 220,000 / 0.23 |")
                .contains("| `message` rows/s stored during the window | 49,000 |")
                .contains("| table caught up after the load stopped | 3.5 s |")
                .contains("| target: >= 50,000 messages/s with p99 < 250 ms, batches of 1,000 | met |");
    }

    @Test
    void timelineShowsRatesPerFiveSeconds() {
        String markdown =
                report(3_000_000, 240, 200_000, IngestionOptions.defaults()).markdown();

        assertThat(markdown)
                .contains("| 5 | 50,000 | 45,000 | 25,000 |")
                .contains("| 10 | 20,000 | 30,000 | -25,000 |");
    }

    private static IngestionReport report(
            long accepted, double p99, double recordsPerSecond, IngestionOptions options) {
        IngestionCounts measured = new IngestionCounts();
        measured.answered(200, (int) accepted, accepted, 0, 0);
        IngestionCounts all = new IngestionCounts();
        all.add(measured);
        LoadRunner.Result result = new LoadRunner.Result(
                Duration.ofSeconds(60),
                measured,
                all,
                new LatencySummary(3000, 120, 110, 180, p99, p99 + 10, p99 + 20),
                List.of());
        List<IngestionReport.Second> timeline = new ArrayList<>();
        for (long second = 0; second <= 10; second++) {
            // 50,000 accepted and 45,000 stored per second, then 20,000 and 30,000 from second 5 on.
            long acceptedSoFar = second <= 5 ? second * 50_000 : 250_000 + (second - 5) * 20_000;
            long stored = second <= 5 ? second * 45_000 : 225_000 + (second - 5) * 30_000;
            timeline.add(new IngestionReport.Second(second, acceptedSoFar, stored));
        }
        return new IngestionReport(
                new IngestionReport.Environment("2026-11-23T12:00", "2 cores", "JDK 17", "abc", options.commandLine()),
                options,
                new IngestionReport.Load(result, 5, 350_000, 190),
                new IngestionReport.Tables(
                        100_000,
                        100_000 + 60 * 49_000,
                        100_000,
                        100_000 + accepted,
                        60_000,
                        accepted + 5,
                        Duration.ofMillis(3_500),
                        Duration.ofMinutes(5),
                        Map.of("message", accepted + 5)),
                new IngestionReport.KafkaFigures(new TopicSample(accepted + 5, 20_000, 500, 30, 230), 400_000),
                new IngestionReport.ProducerRun(
                        accepted,
                        760,
                        ProducerSettings.EVENT_PRODUCER,
                        new ProducerPerformance.Result(
                                accepted, recordsPerSecond, 145, 80, 400, 70, 150, 250, 350, recordsPerSecond * 1.1),
                        0.1),
                new CpuAccount.Usage(Map.of("agent-service", 1.2), 1.9, 2, List.of()),
                timeline,
                List.of());
    }
}

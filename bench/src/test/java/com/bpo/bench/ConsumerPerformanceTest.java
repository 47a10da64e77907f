package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerPerformanceTest {

    @Test
    void theResultLineIsRead() {
        String output =
                """
                WARNING: some warning the tool prints first
                2026-11-23 18:01:02:345, 2026-11-23 18:01:09:678, 1234.5678, 168.3637, 2000000, 272739.6700, 3012, 4321, 285.7134, 462855.8204
                """;

        ConsumerPerformance.TopicRun run =
                ConsumerPerformance.parse("chat.events", output).orElseThrow();

        assertThat(run).isEqualTo(new ConsumerPerformance.TopicRun("chat.events", 2_000_000, 1234.5678, 3012, 4321));
        assertThat(run.recordsPerSecond()).isCloseTo(462_855.8, within(0.1));
    }

    @Test
    void outputWithoutAResultLineGivesNothing() {
        assertThat(ConsumerPerformance.parse("qa.events", "Exception in thread \"main\" java.lang.Error"))
                .isEmpty();
    }

    @Test
    void ratesOverSeveralTopicsAreRecordsOverTheSumOfTheFetchTimes() {
        ConsumerPerformance.Result result = new ConsumerPerformance.Result(List.of(
                new ConsumerPerformance.TopicRun("chat.events", 900_000, 600, 3000, 3000),
                new ConsumerPerformance.TopicRun("qa.events", 100_000, 60, 3000, 1000)));

        assertThat(result.records()).isEqualTo(1_000_000);
        assertThat(result.recordsPerSecond()).isCloseTo(250_000, within(0.1));
        assertThat(result.megabytesPerSecond()).isCloseTo(165, within(0.01));
    }
}

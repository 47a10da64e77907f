package com.bpo.analytics.kpi.metrics;

import static com.bpo.analytics.testing.Facts.agent;
import static com.bpo.analytics.testing.Facts.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.Metrics;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Today's headline KPIs as gauges per brand and vendor, next to the consumer's own metrics. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class KpiMetricsTest {

    @Inject
    FactPublisher publisher;

    @Test
    void todaysHeadlineKpisAppearPerBrandAndVendor() {
        Instant now = Instant.now();
        new KpiEvents(publisher)
                .publish(
                        customer(
                                "kpi-metrics",
                                "kpi-metrics-c1",
                                "kpi-metrics-m1",
                                "kpi-metrics-v",
                                "s",
                                "u1",
                                now.minusSeconds(30).toString()),
                        agent(
                                "kpi-metrics",
                                "kpi-metrics-c1",
                                "kpi-metrics-m2",
                                "kpi-metrics-v",
                                "s",
                                "u1",
                                "a",
                                now.minusSeconds(20).toString()),
                        customer(
                                "kpi-metrics",
                                "kpi-metrics-c2",
                                "kpi-metrics-m3",
                                "kpi-metrics-v",
                                "s",
                                "u2",
                                now.minusSeconds(10).toString()));

        String[] labels = {"brand=\"kpi-metrics\"", "vendor=\"kpi-metrics-v\""};
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Metrics.sum("bpo_kpi_today", concat(labels, "kpi=\"inquiries\"")))
                    .isEqualTo(2.0);
            assertThat(Metrics.sum("bpo_kpi_today", concat(labels, "kpi=\"responseRate\"")))
                    .isEqualTo(0.5);
            assertThat(Metrics.sum("bpo_kpi_today", concat(labels, "kpi=\"firstResponseSeconds\"")))
                    .isEqualTo(10.0);
        });
        String scrape = Metrics.scrape();
        assertThat(scrape).contains("kpi=\"inquiryConversion\"", "kpi=\"serviceLevel\"", "kpi=\"abandonRate\"");
        assertThat(scrape)
                .contains("bpo_consumer_lag{consumer=\"kpi-facts\"")
                .contains("bpo_consumer_events_total{consumer=\"kpi-facts\",outcome=\"applied\"");
        // Gauges carry brand, vendor and KPI only: never an agent or a customer.
        assertThat(scrape.lines().filter(line -> line.startsWith("bpo_kpi_today{")))
                .allMatch(line -> !line.contains("agent") && !line.contains("customer"));
    }

    private static String[] concat(String[] labels, String label) {
        String[] all = Arrays.copyOf(labels, labels.length + 1);
        all[labels.length] = label;
        return all;
    }
}

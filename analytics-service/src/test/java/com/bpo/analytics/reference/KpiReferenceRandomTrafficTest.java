package com.bpo.analytics.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the reference computation on seeded random traffic of two brands. */
class KpiReferenceRandomTrafficTest {

    private static final Instant NOW = Instant.parse("2026-06-06T00:00:00Z");

    /** KPIs whose numerator counts a subset of the records of their denominator. */
    private static final List<String> RATES = List.of(
            "responseRate",
            "withinThresholdRate",
            "inquiryConversion",
            "paidConversion",
            "silentSales",
            "csat",
            "ratingParticipation",
            "abandonRate",
            "serviceLevel",
            "callbackCompletionRate",
            "complaintSlaAttainment",
            "qaFailRate");

    private static final List<List<String>> GROUPINGS = List.of(
            List.of(),
            List.of("vendor"),
            List.of("vendor", "agent", "day"),
            List.of("engagement", "team", "shop", "channel", "hour"),
            List.of("brand", "day"));

    private final RandomTraffic traffic = new RandomTraffic(20260601L, 1_000);

    @Test
    void theSameSeedGivesTheSameDeliveries() {
        List<EventPayload> first = traffic.deliveries();

        assertThat(new RandomTraffic(20260601L, 1_000).deliveries()).isEqualTo(first);
        assertThat(new RandomTraffic(7L, 1_000).deliveries()).isNotEqualTo(first);
        assertThat(first).hasSizeGreaterThan(traffic.events().size()).hasSizeGreaterThan(15_000);
    }

    @Test
    void deliveryOrderAndDuplicatesChangeNoResult() {
        List<EventPayload> events = traffic.events();
        List<EventPayload> deliveries = traffic.deliveries();
        List<EventPayload> shuffled = new ArrayList<>(deliveries);
        Random random = new Random(99);
        for (int i = 0; i < 500; i++) {
            shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
        }
        Collections.shuffle(shuffled, random);

        KpiReference inOrder = new KpiReference(events);
        KpiReference planned = new KpiReference(deliveries);
        KpiReference anyOrder = new KpiReference(shuffled);
        for (ReferenceQuery query : queries()) {
            List<ReferenceRow> expected = inOrder.compute(query, NOW);
            assertThat(expected).isNotEmpty();
            assertThat(planned.compute(query, NOW)).as("planned %s", query).isEqualTo(expected);
            assertThat(anyOrder.compute(query, NOW)).as("shuffled %s", query).isEqualTo(expected);
        }
    }

    @Test
    void numeratorsNeverExceedDenominatorsOfRates() {
        KpiReference reference = new KpiReference(traffic.deliveries());
        int checked = 0;
        for (ReferenceQuery query : queries()) {
            for (ReferenceRow row : reference.compute(query, NOW)) {
                for (String rate : RATES) {
                    ReferenceValue value = row.kpi(rate);
                    assertThat(value.numerator())
                            .as("%s %s", row.group(), rate)
                            .isBetween(BigDecimal.ZERO, value.denominator());
                    if (value.value() != null) {
                        assertThat(value.value()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    void groupingSplitsTotalsWithoutChangingThem() {
        KpiReference reference = new KpiReference(traffic.deliveries());
        for (String brand : List.of(RandomTraffic.BRAND_ONE, RandomTraffic.BRAND_TWO)) {
            Map<String, BigDecimal[]> total = totals(reference.compute(query(brand, List.of()), NOW));
            assertThat(total.get("inquiries")[0]).isGreaterThan(BigDecimal.valueOf(500));
            for (List<String> grouping : GROUPINGS) {
                assertThat(totals(reference.compute(query(brand, grouping), NOW)))
                        .as("%s by %s", brand, grouping)
                        .usingRecursiveComparison()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                        .isEqualTo(total);
            }
        }
    }

    @Test
    void eachFamilyIsPresentInTheTraffic() {
        ReferenceRow total = new KpiReference(traffic.deliveries())
                .compute(query(RandomTraffic.BRAND_ONE, List.of()), NOW)
                .get(0);

        for (String kpi : List.of(
                "unansweredInquiries",
                "slowBursts",
                "inquiryConversion",
                "paidConversion",
                "silentSales",
                "csat",
                "ratingParticipation",
                "abandonRate",
                "averageHandleSeconds",
                "callbackCompletionRate",
                "complaintSlaAttainment",
                "qaFailRate")) {
            assertThat(total.kpi(kpi).numerator()).as(kpi).isPositive();
        }
        assertThat(total.kpi("withinThresholdRate").variant()).contains(";");
    }

    /** Sums of numerators and denominators of every additive KPI (all but the distinct customer count). */
    private static Map<String, BigDecimal[]> totals(List<ReferenceRow> rows) {
        Map<String, BigDecimal[]> totals = new HashMap<>();
        for (ReferenceRow row : rows) {
            row.kpis().forEach((kpi, value) -> {
                if (kpi.equals("inquiringCustomers")) {
                    return;
                }
                BigDecimal[] sum =
                        totals.computeIfAbsent(kpi, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sum[0] = sum[0].add(value.numerator());
                sum[1] = sum[1].add(value.denominator() == null ? BigDecimal.ZERO : value.denominator());
            });
        }
        return totals;
    }

    private static List<ReferenceQuery> queries() {
        List<ReferenceQuery> queries = new ArrayList<>();
        for (String brand : List.of(RandomTraffic.BRAND_ONE, RandomTraffic.BRAND_TWO)) {
            GROUPINGS.forEach(grouping -> queries.add(query(brand, grouping)));
        }
        return queries;
    }

    private static ReferenceQuery query(String brand, List<String> groupBy) {
        return ReferenceQuery.of(
                brand, RandomTraffic.FIRST_DAY, RandomTraffic.LAST_DAY, groupBy, KpiReference.KPI_KEYS);
    }
}

package com.bpo.analytics.testing;

import static com.bpo.analytics.testing.KpiApi.kpi;
import static com.bpo.analytics.testing.KpiApi.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

/** Assertions on one KPI of a report row. */
public final class KpiAssertions {

    private KpiAssertions() {}

    /** A count: value = numerator = {@code expected}, no denominator. */
    public static void assertCount(Map<String, Object> row, String name, long expected) {
        assertThat(row).as("row").isNotNull();
        Map<String, Object> kpi = kpi(row, name);
        assertThat(number(kpi, "numerator")).as(name).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(number(kpi, "value")).as(name).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(kpi.get("denominator")).as(name).isNull();
    }

    /** A ratio: exact numerator and denominator, and the value rounded to 4 places ({@code null}: no value). */
    public static void assertRate(
            Map<String, Object> row, String name, String value, long numerator, long denominator) {
        assertThat(row).as("row").isNotNull();
        Map<String, Object> kpi = kpi(row, name);
        assertThat(number(kpi, "numerator")).as(name).isEqualByComparingTo(BigDecimal.valueOf(numerator));
        assertThat(number(kpi, "denominator")).as(name).isEqualByComparingTo(BigDecimal.valueOf(denominator));
        assertThat(number(kpi, "value")).as(name).isEqualTo(value == null ? null : new BigDecimal(value));
    }
}

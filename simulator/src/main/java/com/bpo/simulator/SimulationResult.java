package com.bpo.simulator;

import com.bpo.simulator.TrafficEvent.EventKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a simulation run did and what the platform reports about it.
 *
 * @param from the first local day of the traffic
 * @param to the last local day of the traffic
 * @param generated what the scenario generated, counted the way the KPIs count
 * @param sent records the platform took, per kind (new or already known from an earlier run with the same seed)
 * @param rejected records the platform refused as invalid, per kind
 * @param failed records given up on after retries (rate limits, services down, not found), per kind
 * @param problems the first few refusals and failures, as the platform described them
 * @param sendingTime from the first request until the last answer
 * @param kpis brand-zongzi's KPIs per vendor, read back from {@code GET /api/v1/kpis?groupBy=vendor}
 * @param kpisCaughtUp whether the KPIs showed every generated inquiry and call (and stopped changing) before the wait
 *     ended
 */
public record SimulationResult(
        LocalDate from,
        LocalDate to,
        TrafficFigures generated,
        Map<EventKind, Long> sent,
        Map<EventKind, Long> rejected,
        Map<EventKind, Long> failed,
        List<String> problems,
        Duration sendingTime,
        List<KpiRow> kpis,
        boolean kpisCaughtUp) {

    /** One vendor's KPIs; {@code vendorId} is {@code null} for the brand's records without a vendor (silent sales). */
    public record KpiRow(String vendorId, Map<String, KpiValue> kpis) {

        public KpiValue kpi(String name) {
            return kpis.get(name);
        }
    }

    /** A KPI as the API answers it: value (null when the denominator is 0), numerator, denominator, variant. */
    public record KpiValue(
            BigDecimal value, BigDecimal numerator, BigDecimal denominator, boolean isFinal, String variant) {}

    public long totalSent() {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The row of {@code vendorId}, or {@code null}. */
    public KpiRow kpisOf(String vendorId) {
        return kpis.stream()
                .filter(row -> vendorId.equals(row.vendorId()))
                .findFirst()
                .orElse(null);
    }
}

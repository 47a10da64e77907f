package com.bpo.analytics.kpi.query;

import java.time.LocalDate;
import java.util.List;

/** The answer to a KPI query: its rows sorted by their group values (code points, nulls last). */
public record KpiReport(
        String brandId, String timeZone, LocalDate from, LocalDate to, List<String> groupBy, List<KpiRow> rows) {

    public KpiReport {
        groupBy = List.copyOf(groupBy);
        rows = List.copyOf(rows);
    }
}

package com.bpo.analytics.kpi.query;

import java.util.List;

/**
 * A KPI family: the records its KPIs count (one SQL source of records), and the sums it aggregates from them per
 * group. A group has a row when it holds at least one record of the family of a requested KPI.
 */
public enum Family {
    CHAT(
            KpiSql.CHAT,
            List.of(
                    "inquiries",
                    "inquiring_customers",
                    "answered",
                    "unanswered",
                    "first_response_sum",
                    "bursts",
                    "answered_bursts",
                    "response_sum",
                    "within_threshold",
                    "slow_bursts")),
    CONVERSION(
            KpiSql.CONVERSION,
            List.of("members", "converted", "paid_converted", "paid_net", "paid_orders", "silent", "silent_amount")),
    RATINGS(
            KpiSql.RATINGS,
            List.of(
                    "ratings",
                    "item_sum",
                    "service_sum",
                    "logistics_sum",
                    "linked",
                    "satisfied",
                    "closed",
                    "closed_rated")),
    CALLS(
            KpiSql.CALLS,
            List.of(
                    "inbound",
                    "inbound_answered",
                    "inbound_abandoned",
                    "wait_sum",
                    "within_service_level",
                    "service_level_base",
                    "handle_sum",
                    "answered")),
    CALLBACKS(KpiSql.CALLBACKS, List.of("callbacks", "on_time")),
    COMPLAINTS(KpiSql.COMPLAINTS, List.of("complaints", "resolved", "resolution_minutes", "within_sla")),
    QA(KpiSql.QA, List.of("evaluations", "score_sum", "failed"));

    private final String records;
    private final List<String> measures;

    Family(String records, List<String> measures) {
        this.records = records;
        this.measures = measures;
    }

    /** The CTEs that end with {@code recs}: one row per record with its group columns and measure columns. */
    String records() {
        return records;
    }

    /** The measure columns of {@code recs}, summed per group. */
    List<String> measures() {
        return measures;
    }
}

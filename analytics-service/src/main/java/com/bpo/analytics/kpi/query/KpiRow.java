package com.bpo.analytics.kpi.query;

import java.util.Map;

/**
 * One group of a KPI report.
 *
 * @param group the requested group keys with their values, in the order asked; null where the records have none
 * @param kpis every requested KPI, in the order asked
 */
public record KpiRow(Map<String, String> group, Map<String, KpiValue> kpis) {}

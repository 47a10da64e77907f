package com.bpo.analytics.reference;

import java.util.Map;

/**
 * One group of a KPI answer.
 *
 * @param group only the requested group keys; a value is {@code null} when the records have none
 * @param kpis every requested KPI, by key
 */
public record ReferenceRow(Map<String, String> group, Map<String, ReferenceValue> kpis) {

    public ReferenceValue kpi(String key) {
        return kpis.get(key);
    }
}

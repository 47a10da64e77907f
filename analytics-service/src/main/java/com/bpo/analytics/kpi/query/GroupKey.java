package com.bpo.analytics.kpi.query;

import java.util.Arrays;
import java.util.Optional;

/** What a KPI query may group by: a fixed list, each mapped to a fixed SQL expression, never text from the caller. */
public enum GroupKey {
    BRAND("brand"),
    VENDOR("vendor"),
    ENGAGEMENT("engagement"),
    TEAM("team"),
    AGENT("agent"),
    SHOP("shop"),
    CHANNEL("channel"),
    HOUR("hour"),
    DAY("day");

    private final String key;

    GroupKey(String key) {
        this.key = key;
    }

    /** The name in the API, e.g. {@code vendor}. */
    public String key() {
        return key;
    }

    /** The SQL expression over the family's records {@code r} and the parameters {@code p}. */
    String column() {
        return KpiSql.GROUP_COLUMNS.get(ordinal());
    }

    public static Optional<GroupKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}

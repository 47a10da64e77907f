package com.bpo.analytics.kpi.comparison;

import static com.bpo.analytics.testing.KpiApi.kpi;
import static com.bpo.analytics.testing.KpiApi.number;
import static com.bpo.analytics.testing.KpiApi.rows;

import com.bpo.analytics.reference.ReferenceRow;
import com.bpo.analytics.reference.ReferenceValue;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a {@code GET /api/v1/kpis} report with expected rows, exactly: numerators, denominators and values as
 * decimals ({@code compareTo}, so {@code 150.00} equals {@code 150}), the final flag and the variant. Each difference
 * is one line naming the query, the group, the KPI and both values, so that one run shows every disagreement.
 */
final class ReportComparison {

    /** The order of the answer's rows (kpi-api.md): group values in the order of groupBy, nulls last. */
    private static final Comparator<Map<String, String>> GROUP_ORDER = (left, right) -> {
        Iterator<String> rightValues = right.values().iterator();
        for (String a : left.values()) {
            int compared =
                    Comparator.nullsLast(Comparator.<String>naturalOrder()).compare(a, rightValues.next());
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    };

    private ReportComparison() {}

    /**
     * The differences between {@code report} and {@code expected}.
     *
     * @param query how the query is named in the messages
     * @param everyRow whether {@code expected} holds every row of the answer (a row the API has beyond it is then a
     *     difference), or only some of them
     */
    static List<String> differences(String query, JsonPath report, List<ReferenceRow> expected, boolean everyRow) {
        Map<Map<String, String>, Map<String, Object>> actual = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        Map<String, String> previous = null;
        for (Map<String, Object> row : rows(report)) {
            Map<String, String> group = group(row);
            if (actual.put(group, row) != null) {
                differences.add(query + ": group " + group + " appears twice in the answer");
            }
            if (previous != null && GROUP_ORDER.compare(previous, group) > 0) {
                differences.add(query + ": group " + group + " comes after " + previous + " in the answer");
            }
            previous = group;
        }
        for (ReferenceRow want : expected) {
            Map<String, Object> row = actual.remove(want.group());
            if (row == null) {
                differences.add(query + ": group " + want.group() + " missing from the answer (expected "
                        + want.kpis().keySet() + ")");
                continue;
            }
            want.kpis().forEach((name, value) -> compare(differences, query, want.group(), name, value, row));
        }
        if (everyRow) {
            actual.keySet().forEach(group -> differences.add(query + ": group " + group + " only in the answer"));
        }
        return differences;
    }

    private static void compare(
            List<String> differences,
            String query,
            Map<String, String> group,
            String name,
            ReferenceValue want,
            Map<String, Object> row) {
        String where = query + ": group " + group + " kpi " + name;
        Map<String, Object> got = kpi(row, name);
        if (got == null) {
            differences.add(where + " missing from the answer");
            return;
        }
        decimal(differences, where, "numerator", number(got, "numerator"), want.numerator());
        decimal(differences, where, "denominator", number(got, "denominator"), want.denominator());
        decimal(differences, where, "value", number(got, "value"), want.value());
        if (!Objects.equals(got.get("final"), want.finalValue())) {
            differences.add(where + " final: api " + got.get("final") + ", expected " + want.finalValue());
        }
        if (!Objects.equals(got.get("variant"), want.variant())) {
            differences.add(where + " variant: api " + got.get("variant") + ", expected " + want.variant());
        }
    }

    private static void decimal(List<String> differences, String where, String field, BigDecimal got, BigDecimal want) {
        boolean same = got == null ? want == null : want != null && got.compareTo(want) == 0;
        if (!same) {
            differences.add(where + " " + field + ": api " + text(got) + ", expected " + text(want));
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> group(Map<String, Object> row) {
        Map<String, String> group = new LinkedHashMap<>();
        ((Map<String, Object>) row.get("group"))
                .forEach((key, value) -> group.put(key, value == null ? null : value.toString()));
        return group;
    }

    /** The differences as one failure message: the count, then the first lines. */
    static String describe(List<String> differences) {
        int shown = Math.min(differences.size(), 60);
        StringBuilder message =
                new StringBuilder(differences.size() + " difference(s) between the API and the expected" + " values:");
        differences.subList(0, shown).forEach(line -> message.append("\n  ").append(line));
        if (shown < differences.size()) {
            message.append("\n  ... and ").append(differences.size() - shown).append(" more");
        }
        return message.toString();
    }
}

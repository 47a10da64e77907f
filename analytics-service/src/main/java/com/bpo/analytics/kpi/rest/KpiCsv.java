package com.bpo.analytics.kpi.rest;

import com.bpo.analytics.kpi.query.KpiReport;
import com.bpo.analytics.kpi.query.KpiRow;
import com.bpo.analytics.kpi.query.KpiValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report as CSV (RFC 4180): a header line, then one line per group and KPI with the group keys, then
 * {@code kpi,value,numerator,denominator,final,variant}. A null is an empty field.
 */
final class KpiCsv {

    private KpiCsv() {}

    static String of(KpiReport report) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(report.groupBy());
        header.addAll(List.of("kpi", "value", "numerator", "denominator", "final", "variant"));
        line(csv, header);
        for (KpiRow row : report.rows()) {
            for (Map.Entry<String, KpiValue> kpi : row.kpis().entrySet()) {
                List<String> fields = new ArrayList<>();
                report.groupBy().forEach(key -> fields.add(row.group().get(key)));
                KpiValue value = kpi.getValue();
                fields.add(kpi.getKey());
                fields.add(text(value.value()));
                fields.add(text(value.numerator()));
                fields.add(text(value.denominator()));
                fields.add(String.valueOf(value.isFinal()));
                fields.add(value.variant());
                line(csv, fields);
            }
        }
        return csv.toString();
    }

    private static String text(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quotes a field that holds a comma, quote or line break (a variant holds commas), doubling its quotes. */
    static String escape(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}

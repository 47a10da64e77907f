package com.bpo.simulator;

import com.bpo.simulator.SimulationResult.KpiRow;
import com.bpo.simulator.SimulationResult.KpiValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a brand's KPIs per vendor from the API and prints them as a table. */
final class KpiReport {

    /** The KPIs of the table, in its column order. */
    static final List<String> KPIS = List.of(
            "inquiries",
            "responseRate",
            "firstResponseSeconds",
            "withinThresholdRate",
            "inquiryConversion",
            "paidConversion",
            "averageOrderValue",
            "callsOffered",
            "abandonRate",
            "serviceLevel");

    private static final String[] HEADERS = {
        "inquiries",
        "response",
        "1st resp.",
        "in thresh.",
        "inq. conv.",
        "paid conv.",
        "AOV CNY",
        "calls",
        "abandon",
        "serv. lvl"
    };

    private KpiReport() {}

    static String query(String brandId, LocalDate from, LocalDate to) {
        return "/api/v1/kpis?brandId=" + brandId + "&from=" + from + "&to=" + to + "&groupBy=vendor&kpis="
                + String.join(",", KPIS);
    }

    static List<KpiRow> read(PlatformClient client, TokenSource token, String brandId, LocalDate from, LocalDate to) {
        PlatformClient.Answer answer = client.send("GET", query(brandId, from, to), token.accessToken(), null, null);
        if (!answer.ok()) {
            throw answer.failure("reading the KPIs of " + brandId);
        }
        return rows(answer.json());
    }

    /** The rows of a KPI answer ({@code rows[].group.vendor}, {@code rows[].kpis.<name>}). */
    static List<KpiRow> rows(JsonNode answer) {
        List<KpiRow> rows = new ArrayList<>();
        for (JsonNode row : answer.path("rows")) {
            JsonNode vendor = row.path("group").path("vendor");
            Map<String, KpiValue> kpis = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : row.path("kpis").properties()) {
                JsonNode kpi = field.getValue();
                kpis.put(
                        field.getKey(),
                        new KpiValue(
                                decimal(kpi.get("value")),
                                decimal(kpi.get("numerator")),
                                decimal(kpi.get("denominator")),
                                kpi.path("final").asBoolean(false),
                                kpi.hasNonNull("variant") ? kpi.get("variant").asText() : null));
            }
            rows.add(new KpiRow(vendor.isNull() || vendor.isMissingNode() ? null : vendor.asText(), Map.copyOf(kpis)));
        }
        return List.copyOf(rows);
    }

    /** The table of the vendors' rows (the brand's row without a vendor holds only silent sales: left out). */
    static String table(String brandId, LocalDate from, LocalDate to, List<KpiRow> rows) {
        StringBuilder table = new StringBuilder();
        table.append("KPIs of ")
                .append(brandId)
                .append(" by vendor, ")
                .append(from)
                .append(" to ")
                .append(to)
                .append(" (GET /api/v1/kpis, local days):\n");
        table.append(String.format(Locale.ROOT, "%-16s", "vendor"));
        for (String header : HEADERS) {
            table.append(String.format(Locale.ROOT, " %11s", header));
        }
        table.append('\n');
        List<String> variants = new ArrayList<>();
        for (KpiRow row : rows) {
            if (row.vendorId() == null) {
                continue;
            }
            table.append(String.format(Locale.ROOT, "%-16s", row.vendorId()));
            for (String kpi : KPIS) {
                table.append(String.format(Locale.ROOT, " %11s", cell(kpi, row.kpi(kpi))));
            }
            table.append('\n');
            List<String> rowVariants = new ArrayList<>();
            for (String kpi : List.of("withinThresholdRate", "inquiryConversion", "serviceLevel")) {
                KpiValue value = row.kpi(kpi);
                if (value != null && value.variant() != null && !rowVariants.contains(value.variant())) {
                    rowVariants.add(value.variant());
                }
            }
            variants.add(row.vendorId() + ": " + String.join(", ", rowVariants));
        }
        table.append("variants: ").append(String.join("; ", variants)).append('\n');
        boolean allFinal =
                rows.stream().flatMap(row -> row.kpis().values().stream()).allMatch(KpiValue::isFinal);
        if (!allFinal) {
            table.append(
                    "(some values are not final yet: late orders, payments and deliveries can still change them)\n");
        }
        return table.toString();
    }

    static String cell(String kpi, KpiValue value) {
        if (value == null || value.value() == null) {
            return "-";
        }
        return switch (kpi) {
            case "inquiries", "callsOffered" ->
                String.format(Locale.ROOT, "%,d", value.value().longValue());
            case "firstResponseSeconds" -> value.value().setScale(1, RoundingMode.HALF_UP) + " s";
            case "averageOrderValue" ->
                value.value().setScale(2, RoundingMode.HALF_EVEN).toPlainString();
            default ->
                value.value()
                                .multiply(BigDecimal.valueOf(100))
                                .setScale(1, RoundingMode.HALF_UP)
                                .toPlainString()
                        + " %";
        };
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
    }
}

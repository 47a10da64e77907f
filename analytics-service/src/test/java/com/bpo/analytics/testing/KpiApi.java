package com.bpo.analytics.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Asks {@code GET /api/v1/kpis} as the test's identity (the test's {@code @TestSecurity}) and waits until the answer
 * shows what the test expects: facts reach the tables through Kafka, so a report is right only after a batch commits.
 */
public final class KpiApi {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private KpiApi() {}

    /** The JSON report, once {@code ready} accepts it. */
    public static JsonPath awaitReport(Map<String, String> parameters, Predicate<JsonPath> ready) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = report(parameters);
            return ready.test(last[0]);
        });
        return last[0];
    }

    /** The JSON report as it is now. */
    public static JsonPath report(Map<String, String> parameters) {
        return given().queryParams(parameters)
                .get("/api/v1/kpis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath(new JsonPathConfig(NumberReturnType.BIG_DECIMAL));
    }

    /** The rows of a report. */
    public static List<Map<String, Object>> rows(JsonPath report) {
        return report.getList("rows");
    }

    /** The row whose group equals {@code group} (null values included), or null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> row(JsonPath report, Map<String, String> group) {
        for (Map<String, Object> row : rows(report)) {
            if (Objects.equals(row.get("group"), group)) {
                return row;
            }
        }
        return null;
    }

    /** One KPI of a row: value, numerator, denominator, final, variant. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> kpi(Map<String, Object> row, String kpi) {
        return ((Map<String, Map<String, Object>>) row.get("kpis")).get(kpi);
    }

    /** The KPI names of a row, in their order. */
    @SuppressWarnings("unchecked")
    public static List<String> kpiNames(Map<String, Object> row) {
        return List.copyOf(((Map<String, Object>) row.get("kpis")).keySet());
    }

    /** A numeric field of a KPI as an exact decimal, or null. */
    public static BigDecimal number(Map<String, Object> kpi, String field) {
        Object value = kpi.get(field);
        return value == null ? null : new BigDecimal(value.toString());
    }
}

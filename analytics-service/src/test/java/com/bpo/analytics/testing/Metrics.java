package com.bpo.analytics.testing;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads samples from the Prometheus endpoint. */
public final class Metrics {

    private Metrics() {}

    /** The current Prometheus text of the service. */
    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sum of the samples of {@code metric} whose labels include every one of {@code labels} (e.g.
     * {@code consumer="kpi-facts"}); 0 when there is none.
     */
    public static double sum(String metric, String... labels) {
        return Arrays.stream(scrape().split("\n"))
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}

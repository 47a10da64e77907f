package com.bpo.bench;

import com.bpo.infra.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The few lines of a service's {@code /q/metrics} that a benchmark report shows. */
final class ServiceMetrics {

    private ServiceMetrics() {}

    /**
     * The lines that start with one of {@code prefixes}, are no per-partition series and pass {@code wanted}; a failed
     * scrape gives one comment line saying why, so the report still shows it.
     */
    static List<String> scrape(
            HttpClient http, ServiceProcess service, List<String> prefixes, Predicate<String> wanted) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/q/metrics"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of("# /q/metrics answered " + response.statusCode());
            }
            List<String> selected = new ArrayList<>();
            for (String line : response.body().split("\n")) {
                // Per-partition series would bury the few figures that matter.
                if (prefixes.stream().anyMatch(line::startsWith) && !line.contains("partition=") && wanted.test(line)) {
                    selected.add(line);
                }
            }
            return selected;
        } catch (IOException e) {
            return List.of("# /q/metrics failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("# interrupted while reading /q/metrics");
        }
    }
}

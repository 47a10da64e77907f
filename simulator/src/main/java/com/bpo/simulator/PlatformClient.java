package com.bpo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** HTTP calls to the platform's gateway with a bearer token. */
final class PlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final HttpClient http;

    PlatformClient(URI gateway) {
        this.gateway = gateway;
        // HTTP/1.1 on purpose: the JDK client would otherwise try an h2c upgrade on every new plain connection.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpClient http() {
        return http;
    }

    /** An answer: its status, body and the server's {@code Retry-After} in seconds (0 when absent). */
    record Answer(int status, String body, long retryAfterSeconds) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** Worth sending again: the gateway's rate limit, or a service that was down or silent. */
        boolean transientFailure() {
            return status == 429 || status == 502 || status == 503 || status == 504 || status == 0;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("the answer is not JSON: " + abbreviated(), e);
            }
        }

        /** The problem's {@code detail}, or the start of the body. */
        String problemDetail() {
            try {
                JsonNode problem = JSON.readTree(body);
                if (problem != null && problem.hasNonNull("detail")) {
                    return problem.get("detail").asText();
                }
            } catch (IOException e) {
                // Not a problem document: the body itself says more.
            }
            return abbreviated();
        }

        IllegalStateException failure(String doing) {
            return new IllegalStateException(doing + " failed: HTTP " + status + " " + abbreviated());
        }

        private String abbreviated() {
            return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
        }
    }

    /** Sends and waits; a connection failure is an {@link UncheckedIOException}. */
    Answer send(String method, String pathAndQuery, String token, String contentType, String body) {
        try {
            return answer(http.send(request(method, pathAndQuery, token, contentType, body), ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot reach the gateway at " + gateway + " (" + method + " " + pathAndQuery + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + pathAndQuery, e);
        }
    }

    /** Sends without waiting; a connection failure completes with status 0 and the error as body. */
    CompletableFuture<Answer> sendAsync(
            String method, String pathAndQuery, String token, String contentType, String body) {
        return http.sendAsync(request(method, pathAndQuery, token, contentType, body), ofString())
                .thenApply(PlatformClient::answer)
                .exceptionally(failure -> new Answer(0, String.valueOf(failure.getMessage()), 1));
    }

    private HttpRequest request(String method, String pathAndQuery, String token, String contentType, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return builder.build();
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private static Answer answer(HttpResponse<String> response) {
        long retryAfter = response.headers()
                .firstValue("Retry-After")
                .map(value -> {
                    try {
                        return Long.parseLong(value.strip());
                    } catch (NumberFormatException e) {
                        return 1L;
                    }
                })
                .orElse(0L);
        return new Answer(response.statusCode(), response.body(), retryAfter);
    }
}

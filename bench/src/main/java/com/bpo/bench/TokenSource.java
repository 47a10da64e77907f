package com.bpo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the realm's token endpoint, kept until a minute before they expire and then fetched again, so
 * that a long run never sends an expired token. Thread-safe.
 */
final class TokenSource {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final Map<String, String> form;
    private volatile String token;
    private volatile long renewAtNanos;

    private TokenSource(HttpClient http, URI tokenEndpoint, Map<String, String> form) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.form = Map.copyOf(form);
    }

    /** A user's tokens through the password grant (the realm's {@code bpo-cli} client allows only that). */
    static TokenSource password(HttpClient http, String tokenEndpoint, String clientId, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", user);
        form.put("password", password);
        return new TokenSource(http, URI.create(tokenEndpoint), form);
    }

    /** A confidential client's own tokens (a brand's integration client). */
    static TokenSource clientCredentials(HttpClient http, String tokenEndpoint, String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return new TokenSource(http, URI.create(tokenEndpoint), form);
    }

    /** A valid access token. */
    String token() {
        if (token == null || System.nanoTime() - renewAtNanos >= 0) {
            renew();
        }
        return token;
    }

    /** A claim of the current token, e.g. {@code brand_id}; null if it has none. */
    String claim(String name) {
        String[] parts = token().split("\\.");
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode value = claims.get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException("the token endpoint returned no JWT", e);
        }
    }

    private synchronized void renew() {
        if (token != null && System.nanoTime() - renewAtNanos < 0) {
            return; // another thread renewed it meanwhile
        }
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            long requested = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchmarkException("token request for " + form.get("client_id") + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(60));
            Duration keep = lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) > 0
                    ? lifetime.minus(RENEW_BEFORE_EXPIRY)
                    : lifetime.dividedBy(2);
            token = answer.path("access_token").asText();
            renewAtNanos = requested + keep.toNanos();
        } catch (IOException e) {
            throw new BenchmarkException("token request to " + tokenEndpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted while requesting a token", e);
        }
    }
}

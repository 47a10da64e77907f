package com.bpo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the Keycloak realm for one principal, fetched on first use and again shortly before they expire
 * (the realm's tokens live ten minutes, a long run outlives several).
 */
final class TokenSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Renew this long before expiry, so a token never expires between taking it and the request arriving. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final Map<String, String> form;
    private final String principal;
    private String accessToken;
    private Instant renewAt = Instant.MIN;

    private TokenSource(HttpClient http, URI realm, Map<String, String> form, String principal) {
        this.http = http;
        this.tokenEndpoint = URI.create(stripSlash(realm.toString()) + "/protocol/openid-connect/token");
        this.form = form;
        this.principal = principal;
    }

    /** A person, through the password grant of a public client. */
    static TokenSource password(HttpClient http, URI realm, String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        return new TokenSource(http, realm, form, username);
    }

    /** A brand's system, through the client-credentials grant of its confidential client. */
    static TokenSource clientCredentials(HttpClient http, URI realm, String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return new TokenSource(http, realm, form, clientId);
    }

    /** A valid access token, renewed when it is about to expire. */
    synchronized String accessToken() {
        if (Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return accessToken;
    }

    /** The token's subject ({@code sub}): the user's id in the realm. */
    String subject() {
        String[] parts = accessToken().split("\\.");
        if (parts.length < 2) {
            throw new IllegalStateException("the token of " + principal + " is not a JWT");
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String subject = claims.path("sub").asText(null);
            if (subject == null) {
                throw new IllegalStateException("the token of " + principal + " has no subject");
            }
            return subject;
        } catch (IOException e) {
            throw new UncheckedIOException("the token of " + principal + " has an unreadable payload", e);
        }
    }

    private void fetch() {
        String body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Instant asked = Instant.now();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Keycloak at " + tokenEndpoint + " for " + principal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while getting a token for " + principal, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + principal + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            accessToken = answer.path("access_token").asText();
            long expiresIn = answer.path("expires_in").asLong(60);
            renewAt = asked.plusSeconds(expiresIn).minus(MARGIN);
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak's token answer for " + principal + " is not JSON", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

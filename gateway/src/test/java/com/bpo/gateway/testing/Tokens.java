package com.bpo.gateway.testing;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real access tokens from the realm the gateway trusts, fetched the way the platform's clients fetch them: the
 * password grant of {@code bpo-cli} for demo users, client credentials for the brands' integration clients.
 */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo1234";
    private static final Map<String, String> INTEGRATION_SECRETS = Map.of(
            "integration-zongzi", "local-only-integration-zongzi-secret",
            "integration-teahouse", "local-only-integration-teahouse-secret");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI tokenEndpoint;

    public Tokens() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        this.tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
    }

    /** An access token of a demo user, through the command-line client. */
    public String user(String username) {
        return token(Map.of(
                "grant_type", "password", "client_id", "bpo-cli", "username", username, "password", DEMO_PASSWORD));
    }

    /** An access token of a brand's integration client ({@code integration-zongzi}, {@code integration-teahouse}). */
    public String integration(String clientId) {
        return token(Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                INTEGRATION_SECRETS.get(clientId)));
    }

    private String token(Map<String, String> form) {
        String body = new LinkedHashMap<>(form)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "token request failed: HTTP " + response.statusCode() + " " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            return answer.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }
}

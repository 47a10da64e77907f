package com.bpo.systemtests.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Keycloak's admin REST API on the local stack, as its bootstrap administrator: what the realm file cannot hold. */
final class KeycloakAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStackRun stack;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    KeycloakAdmin(LocalStackRun stack) {
        this.stack = stack;
    }

    /**
     * Creates (or keeps) a user of realm {@code bpo} with a password and no realm role but Keycloak's defaults: a
     * valid token that holds none of the platform's roles.
     */
    void createUserWithoutRoles(String username, String password) {
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("emailVerified", true)
                .put("firstName", "No")
                .put("lastName", "Role")
                .put("email", username + "@example.com");
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password").put("value", password).put("temporary", false);
        HttpResponse<String> created = send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/admin/realms/" + LocalStackRun.REALM + "/users"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString())));
        // 409: an earlier test of the same run created it.
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Keycloak did not create user " + username + ": HTTP "
                    + created.statusCode() + " " + created.body());
        }
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(stack.keycloakAdminUsername(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(stack.keycloakAdminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(
                HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused its administrator: HTTP " + answer.statusCode());
        }
        return LocalStackRun.readTree(answer.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + built.uri(), e);
        }
    }
}

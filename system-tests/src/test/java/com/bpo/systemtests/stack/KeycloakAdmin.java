package com.bpo.systemtests.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Keycloak's admin REST API on the local stack, as its bootstrap administrator: what the realm file cannot hold. */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStackRun stack;

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
        HttpResponse<String> created = stack.send(HttpRequest.newBuilder(
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
        HttpResponse<String> answer = stack.send(
                HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused its administrator: HTTP " + answer.statusCode());
        }
        return LocalStackRun.readTree(answer.body()).path("access_token").asText();
    }
}

package com.bpo.local;

import com.bpo.infra.KeycloakEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The realm's web console client {@code bpo-console} on a stack whose gateway is not on port 8080. The realm file
 * admits the console only at {@code http://localhost:8080} and {@code http://127.0.0.1:8080}; on a stack with a port
 * offset {@code up} adds the moved gateway's origins through Keycloak's admin REST API, so that a browser can sign in
 * there (authorization code + PKCE) without a second realm file to keep in step.
 */
final class ConsoleClient {

    static final String CLIENT_ID = "bpo-console";
    static final String POST_LOGOUT_REDIRECTS = "post.logout.redirect.uris";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ConsoleClient() {}

    /** The origins a browser reaches the gateway on port {@code gatewayPort} from. */
    static List<String> origins(int gatewayPort) {
        return List.of("http://localhost:" + gatewayPort, "http://127.0.0.1:" + gatewayPort);
    }

    /**
     * Adds the origins of the gateway on {@code gatewayPort} to the console client of {@code realm}: redirect URIs,
     * web origins and post-logout redirects (kept, never replaced); the root URL becomes the first origin. Idempotent.
     *
     * @return whether the client had to change
     */
    static boolean allowGateway(KeycloakEndpoint keycloak, String realm, int gatewayPort) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String token = adminToken(http, keycloak);
        String clients = keycloak.url() + "/admin/realms/" + realm + "/clients";
        JsonNode found = readTree(send(
                http,
                HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CLIENT_ID))
                        .header("Authorization", "Bearer " + token)
                        .GET(),
                200,
                "find the client " + CLIENT_ID));
        if (!found.isArray() || found.isEmpty()) {
            throw new StackException("realm " + realm + " has no client " + CLIENT_ID);
        }
        ObjectNode client = (ObjectNode) found.get(0);
        ObjectNode wanted = withGateway(client, gatewayPort);
        if (wanted.equals(client)) {
            return false;
        }
        send(
                http,
                HttpRequest.newBuilder(
                                URI.create(clients + "/" + client.get("id").asText()))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(wanted.toString())),
                204,
                "update the client " + CLIENT_ID);
        return true;
    }

    /** {@code client} (a ClientRepresentation) admitting the gateway on {@code gatewayPort}; the input is unchanged. */
    static ObjectNode withGateway(ObjectNode client, int gatewayPort) {
        ObjectNode changed = client.deepCopy();
        List<String> origins = origins(gatewayPort);
        List<String> everyPath = origins.stream().map(origin -> origin + "/*").toList();
        changed.set("redirectUris", union(changed.get("redirectUris"), everyPath));
        changed.set("webOrigins", union(changed.get("webOrigins"), origins));
        changed.put("rootUrl", origins.get(0));
        ObjectNode attributes =
                changed.has("attributes") && changed.get("attributes").isObject()
                        ? (ObjectNode) changed.get("attributes")
                        : changed.putObject("attributes");
        // Keycloak keeps several post-logout redirect URIs in one attribute, separated by "##".
        String current = attributes.path(POST_LOGOUT_REDIRECTS).asText("");
        Set<String> logout = new LinkedHashSet<>(current.isEmpty() ? List.of() : Arrays.asList(current.split("##")));
        logout.addAll(everyPath);
        attributes.put(POST_LOGOUT_REDIRECTS, String.join("##", logout));
        return changed;
    }

    private static ArrayNode union(JsonNode existing, List<String> added) {
        Set<String> values = new LinkedHashSet<>();
        if (existing != null && existing.isArray()) {
            existing.forEach(value -> values.add(value.asText()));
        }
        values.addAll(added);
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String adminToken(HttpClient http, KeycloakEndpoint keycloak) {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(keycloak.adminUsername(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(keycloak.adminPassword(), StandardCharsets.UTF_8);
        String answer = send(
                http,
                HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint("master")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                200,
                "sign in as Keycloak's administrator");
        return readTree(answer).path("access_token").asText();
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new StackException("Keycloak answered something that is not JSON: " + e.getMessage(), e);
        }
    }

    private static String send(HttpClient http, HttpRequest.Builder request, int expected, String what) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new StackException(
                        "cannot " + what + " in Keycloak: HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new StackException("cannot " + what + " in Keycloak: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while trying to " + what + " in Keycloak");
        }
    }
}

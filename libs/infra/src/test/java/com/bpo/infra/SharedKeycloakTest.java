package com.bpo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedKeycloakTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path realmFile;

    @BeforeAll
    static void locateRealm() throws URISyntaxException {
        realmFile = Path.of(
                SharedKeycloakTest.class.getResource("/infra-test-realm.json").toURI());
    }

    @Test
    void importedRealmServesItsOpenIdConfiguration() throws Exception {
        KeycloakEndpoint keycloak = SharedServers.keycloak(realmFile);

        JsonNode configuration = get(keycloak.issuer("infra-test") + "/.well-known/openid-configuration");

        assertThat(keycloak.realms()).containsExactly("infra-test");
        assertThat(keycloak.url()).startsWith("http://127.0.0.1:");
        assertThat(configuration.path("issuer").asText()).isEqualTo(keycloak.issuer("infra-test"));
        assertThat(configuration.path("token_endpoint").asText()).isEqualTo(keycloak.tokenEndpoint("infra-test"));
    }

    @Test
    void clientOfTheRealmGetsATokenWithClientCredentials() throws Exception {
        KeycloakEndpoint keycloak = SharedServers.keycloak(realmFile);

        HttpResponse<String> response = postForm(
                keycloak.tokenEndpoint("infra-test"),
                "grant_type=client_credentials&client_id=infra-test-service&client_secret=infra-test-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("access_token").asText()).isNotBlank();
    }

    @Test
    void bootstrapAdministratorCanSignInToTheMasterRealm() throws Exception {
        KeycloakEndpoint keycloak = SharedServers.keycloak(realmFile);

        HttpResponse<String> response = postForm(
                keycloak.tokenEndpoint("master"),
                "grant_type=password&client_id=admin-cli&username=" + keycloak.adminUsername() + "&password="
                        + keycloak.adminPassword());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsServedOnTheManagementPort() throws Exception {
        KeycloakEndpoint keycloak = SharedServers.keycloak(realmFile);

        JsonNode health = get("http://127.0.0.1:" + keycloak.managementPort() + "/health/ready");

        assertThat(health.path("status").asText()).isEqualTo("UP");
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> postForm(String url, String form) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

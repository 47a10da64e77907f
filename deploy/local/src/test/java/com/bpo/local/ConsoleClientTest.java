package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ConsoleClientTest {

    /** The console client as the realm file defines it (the fields that matter here). */
    private static ObjectNode realmConsoleClient() throws IOException {
        return (ObjectNode)
                Json.MAPPER.readTree(
                        """
                {"id":"4f0c","clientId":"bpo-console","publicClient":true,"rootUrl":"http://localhost:8080",
                 "baseUrl":"/","redirectUris":["http://localhost:8080/*","http://127.0.0.1:8080/*"],
                 "webOrigins":["http://localhost:8080","http://127.0.0.1:8080"],
                 "attributes":{"pkce.code.challenge.method":"S256",
                               "post.logout.redirect.uris":"http://localhost:8080/*##http://127.0.0.1:8080/*"}}
                """);
    }

    @Test
    void theMovedGatewaysOriginsAreAddedToRedirectsOriginsAndLogoutRedirects() throws IOException {
        ObjectNode client = ConsoleClient.withGateway(realmConsoleClient(), 28080);

        assertThat(client.get("redirectUris"))
                .extracting(node -> node.asText())
                .containsExactly(
                        "http://localhost:8080/*",
                        "http://127.0.0.1:8080/*",
                        "http://localhost:28080/*",
                        "http://127.0.0.1:28080/*");
        assertThat(client.get("webOrigins"))
                .extracting(node -> node.asText())
                .containsExactly(
                        "http://localhost:8080",
                        "http://127.0.0.1:8080",
                        "http://localhost:28080",
                        "http://127.0.0.1:28080");
        assertThat(client.at("/attributes/post.logout.redirect.uris").asText())
                .isEqualTo("http://localhost:8080/*##http://127.0.0.1:8080/*##http://localhost:28080/*"
                        + "##http://127.0.0.1:28080/*");
        assertThat(client.get("rootUrl").asText()).isEqualTo("http://localhost:28080");
    }

    @Test
    void everythingElseOfTheClientIsKept() throws IOException {
        ObjectNode client = ConsoleClient.withGateway(realmConsoleClient(), 28080);

        assertThat(client.get("id").asText()).isEqualTo("4f0c");
        assertThat(client.get("publicClient").asBoolean()).isTrue();
        assertThat(client.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
    }

    @Test
    void aClientThatAlreadyAdmitsTheGatewayIsLeftAsItIs() throws IOException {
        ObjectNode once = ConsoleClient.withGateway(realmConsoleClient(), 28080);

        assertThat(ConsoleClient.withGateway(once, 28080)).isEqualTo(once);
    }

    @Test
    void theInputIsNotChanged() throws IOException {
        ObjectNode original = realmConsoleClient();

        ConsoleClient.withGateway(original, 28080);

        assertThat(original).isEqualTo(realmConsoleClient());
    }
}

package com.bpo.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    @Test
    void realmUrlSplitsIntoKeycloakAndRealm() {
        ConsoleSettings settings = ConsoleSettings.of(URI.create("http://127.0.0.1:28180/realms/bpo"), "bpo-console");

        assertThat(settings.keycloakUrl()).isEqualTo("http://127.0.0.1:28180");
        assertThat(settings.realm()).isEqualTo("bpo");
        assertThat(settings.clientId()).isEqualTo("bpo-console");
        assertThat(settings.keycloakOrigin()).isEqualTo("http://127.0.0.1:28180");
    }

    @Test
    void keycloakUnderAPathKeepsThePathButTheOriginDoesNot() {
        ConsoleSettings settings = ConsoleSettings.of(URI.create("https://login.example.com/auth/realms/bpo/"), "web");

        assertThat(settings.keycloakUrl()).isEqualTo("https://login.example.com/auth");
        assertThat(settings.realm()).isEqualTo("bpo");
        assertThat(settings.keycloakOrigin()).isEqualTo("https://login.example.com");
    }

    @Test
    void urlWithoutARealmIsRejected() {
        assertThatThrownBy(() -> ConsoleSettings.of(URI.create("http://127.0.0.1:8180/"), "bpo-console"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/realms/");
        assertThatThrownBy(() -> ConsoleSettings.of(
                        URI.create("http://127.0.0.1:8180/realms/bpo/protocol/openid-connect"), "bpo-console"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

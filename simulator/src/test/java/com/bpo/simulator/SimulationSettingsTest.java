package com.bpo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

    @Test
    void noOptionsGiveTheDefaults() {
        SimulationSettings settings = SimulationSettings.parse();

        assertThat(settings).isEqualTo(SimulationSettings.defaults());
        assertThat(settings.scenario()).isEqualTo("dragon-boat-peak");
        assertThat(settings.days()).isEqualTo(3);
        assertThat(settings.speed()).isEqualTo(600);
        assertThat(settings.rate()).isNull();
        assertThat(settings.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(settings.keycloakRealm()).isEqualTo(URI.create("http://127.0.0.1:8180/realms/bpo"));
    }

    @Test
    void everyOptionIsRead() {
        SimulationSettings settings = SimulationSettings.parse(
                "--scenario",
                "dragon-boat-peak",
                "--days",
                "1",
                "--speed",
                "3600",
                "--rate=2500",
                "--seed",
                "-7",
                "--gateway",
                "http://localhost:18080",
                "--keycloak",
                "http://localhost:18180/realms/bpo");

        assertThat(settings)
                .isEqualTo(new SimulationSettings(
                        URI.create("http://localhost:18080"),
                        URI.create("http://localhost:18180/realms/bpo"),
                        "dragon-boat-peak",
                        1,
                        3600,
                        2500.0,
                        -7));
    }

    @Test
    void endpointsCanBeReplacedByTheLauncher() {
        SimulationSettings settings = SimulationSettings.parse("--days", "2")
                .withEndpoints(URI.create("http://gw:1"), URI.create("http://kc:2/realms/bpo"));

        assertThat(settings.gateway()).isEqualTo(URI.create("http://gw:1"));
        assertThat(settings.days()).isEqualTo(2);
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> SimulationSettings.parse("--dayz", "3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown option --dayz");
    }

    @Test
    void aMissingValueIsNamed() {
        assertThatThrownBy(() -> SimulationSettings.parse("--days")).hasMessage("--days needs a value");
        assertThatThrownBy(() -> SimulationSettings.parse("--speed", "--days", "2"))
                .hasMessage("--speed needs a value");
    }

    @Test
    void wrongValuesAreNamedWithWhatWasGiven() {
        assertThatThrownBy(() -> SimulationSettings.parse("--days", "three"))
                .hasMessage("--days must be a whole number, got 'three'");
        assertThatThrownBy(() -> SimulationSettings.parse("--days", "0"))
                .hasMessage("--days must be from 1 to 30, got 0");
        assertThatThrownBy(() -> SimulationSettings.parse("--speed", "0"))
                .hasMessage("--speed must be a number above 0, got '0'");
        assertThatThrownBy(() -> SimulationSettings.parse("--rate", "-5"))
                .hasMessage("--rate must be a number above 0, got '-5'");
        assertThatThrownBy(() -> SimulationSettings.parse("--seed", "1.5"))
                .hasMessage("--seed must be a whole number, got '1.5'");
        assertThatThrownBy(() -> SimulationSettings.parse("--gateway", "localhost:8080"))
                .hasMessage("--gateway must be an http(s) URL, got 'localhost:8080'");
    }

    @Test
    void anUnknownScenarioIsRefused() {
        assertThatThrownBy(() -> SimulationSettings.parse("--scenario", "double-eleven"))
                .hasMessage("--scenario: unknown scenario 'double-eleven'; known: dragon-boat-peak");
    }
}

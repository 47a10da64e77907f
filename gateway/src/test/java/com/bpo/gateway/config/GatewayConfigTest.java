package com.bpo.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged {@code application.properties} in the production profile, with the environment on top. */
class GatewayConfigTest {

    @Test
    void productionDefaultsAreTheLocalStacksPorts() throws IOException {
        GatewayConfig config = production(Map.of());

        assertThat(config.routes().get("agent").url()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(config.routes().get("analytics").url()).isEqualTo(URI.create("http://127.0.0.1:8085"));
        assertThat(config.routes().get("analytics").paths()).containsExactly("/api/v1/commerce", "/api/v1/kpis");
        assertThat(config.maxBodySize().asLongValue()).isEqualTo(16L * 1024 * 1024);
        assertThat(config.rateLimit().rate()).isEqualTo(200);
        assertThat(config.rateLimit().burst()).isEqualTo(400);
    }

    @Test
    void environmentOverridesAServiceUrl() throws IOException {
        GatewayConfig config = production(Map.of("BPO_GATEWAY_ROUTES_AGENT_URL", "http://10.1.2.3:41001"));

        assertThat(config.routes().get("agent").url()).isEqualTo(URI.create("http://10.1.2.3:41001"));
        assertThat(config.routes().get("analytics").url()).isEqualTo(URI.create("http://127.0.0.1:8085"));
    }

    @Test
    void environmentOverridesTheDefaultRateLimit() throws IOException {
        GatewayConfig config =
                production(Map.of("BPO_GATEWAY_RATE_LIMIT_RATE", "50", "BPO_GATEWAY_RATE_LIMIT_BURST", "80"));

        assertThat(config.rateLimit().rate()).isEqualTo(50);
        assertThat(config.rateLimit().burst()).isEqualTo(80);
        assertThat(config.rateLimit().clients()).isEmpty();
    }

    @Test
    void consoleHasNoRealmOfItsOwnByDefault() throws IOException {
        GatewayConfig config = production(Map.of());

        // ConsoleSignIn then takes the realm the tokens are checked against.
        assertThat(config.console().authServerUrl()).isEmpty();
        assertThat(config.console().clientId()).isEqualTo("bpo-console");
    }

    @Test
    void consoleRealmCanBeTheBrowsersOwnAddress() throws IOException {
        GatewayConfig config = production(Map.of(
                "BPO_OIDC_URL",
                "http://keycloak.internal:8080/realms/bpo",
                "BPO_GATEWAY_CONSOLE_AUTH_SERVER_URL",
                "https://login.example.com/realms/bpo"));

        assertThat(config.console().authServerUrl()).contains(URI.create("https://login.example.com/realms/bpo"));
    }

    private static GatewayConfig production(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        GatewayConfigTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withMapping(GatewayConfig.class)
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }
}

package com.bpo.gateway.console;

import com.bpo.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the console signs people in: {@code bpo.gateway.console.auth-server-url} when a deployment sets it (Keycloak
 * as the browser reaches it), else the realm the gateway checks tokens against ({@code quarkus.oidc.auth-server-url},
 * {@code BPO_OIDC_URL} in production). Empty only when neither is configured (the dev profile without Keycloak).
 */
@ApplicationScoped
public class ConsoleSignIn {

    private final Optional<ConsoleSettings> settings;

    public ConsoleSignIn(
            GatewayConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<URI> tokenRealm) {
        this.settings = config.console()
                .authServerUrl()
                .or(() -> tokenRealm)
                .map(realm -> ConsoleSettings.of(realm, config.console().clientId()));
    }

    public Optional<ConsoleSettings> settings() {
        return settings;
    }
}

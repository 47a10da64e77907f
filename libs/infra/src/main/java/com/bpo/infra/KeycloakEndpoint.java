package com.bpo.infra;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A running Keycloak.
 *
 * @param url the base URL, e.g. {@code http://127.0.0.1:8180}
 * @param port its HTTP port
 * @param managementPort the port of {@code /health} and {@code /metrics}
 * @param adminUsername the bootstrap administrator of the {@code master} realm
 * @param adminPassword that administrator's password
 * @param realms the realms imported on start
 */
public record KeycloakEndpoint(
        String url, int port, int managementPort, String adminUsername, String adminPassword, List<String> realms) {

    public KeycloakEndpoint {
        realms = List.copyOf(realms);
    }

    static KeycloakEndpoint from(ServerState state) {
        String realmNames = state.property("realms");
        return new KeycloakEndpoint(
                state.property("url"),
                state.port(),
                Integer.parseInt(state.property("management.port")),
                state.property("admin.username"),
                state.property("admin.password"),
                realmNames.isEmpty() ? List.of() : Arrays.asList(realmNames.split(",")));
    }

    /** The issuer URL of a realm, e.g. {@code http://127.0.0.1:8180/realms/bpo}, for {@code quarkus.oidc.auth-server-url}. */
    public String issuer(String realm) {
        return url + "/realms/" + realm;
    }

    /** The token endpoint of a realm. */
    public String tokenEndpoint(String realm) {
        return issuer(realm) + "/protocol/openid-connect/token";
    }

    /** Whether every imported realm (or {@code master} when none was) serves its OpenID configuration. */
    public boolean answers() {
        if (!Ports.accepts(Ports.LOOPBACK, port)) {
            return false;
        }
        for (String realm : realms.isEmpty() ? List.of("master") : realms) {
            if (!realmAnswers(url, realm)) {
                return false;
            }
        }
        return true;
    }

    static boolean realmAnswers(String url, String realm) {
        return HttpProbe.answersOk(
                URI.create(url + "/realms/" + realm + "/.well-known/openid-configuration"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return "KeycloakEndpoint[" + url + ", realms=" + realms + "]";
    }
}

package com.bpo.gateway.console;

import java.net.URI;

/**
 * What the console in the browser needs to sign in: Keycloak's base URL, the realm and the public client. Served as
 * {@code GET /console/config.json}, so one console build works on any host and port.
 *
 * @param keycloakUrl Keycloak's base URL, e.g. {@code http://127.0.0.1:8180}
 * @param realm the realm, e.g. {@code bpo}
 * @param clientId the console's public client
 */
public record ConsoleSettings(String keycloakUrl, String realm, String clientId) {

    private static final String REALMS = "/realms/";

    /** From a realm URL such as {@code http://127.0.0.1:8180/realms/bpo} (a Keycloak under a path keeps it). */
    public static ConsoleSettings of(URI realmUrl, String clientId) {
        String url = realmUrl.toString().replaceAll("/+$", "");
        int realms = url.lastIndexOf(REALMS);
        String realm = realms < 0 ? "" : url.substring(realms + REALMS.length());
        if (realm.isEmpty() || realm.contains("/")) {
            throw new IllegalArgumentException("not a Keycloak realm URL (<keycloak>/realms/<realm>): " + realmUrl);
        }
        return new ConsoleSettings(url.substring(0, realms), realm, clientId);
    }

    /** The origin the browser talks to for tokens, e.g. {@code http://127.0.0.1:8180}. */
    public String keycloakOrigin() {
        URI keycloak = URI.create(keycloakUrl);
        return keycloak.getScheme() + "://" + keycloak.getRawAuthority();
    }
}

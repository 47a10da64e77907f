package com.bpo.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The claims of a JWT issued by Keycloak. The signature is not checked: these tests look at what the realm puts into
 * its tokens; checking signatures is the job of every service's OIDC layer.
 */
record JsonWebToken(JsonNode claims) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonWebToken decode(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT: " + parts.length + " parts");
        }
        try {
            return new JsonWebToken(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (IOException e) {
            throw new UncheckedIOException("JWT payload is not JSON", e);
        }
    }

    /** A string claim, or {@code null} when the token does not carry it. */
    String claim(String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    boolean has(String name) {
        return claims.has(name);
    }

    /** The realm roles, where Quarkus OIDC looks for them by default. */
    List<String> realmRoles() {
        return strings(claims.path("realm_access").path("roles"));
    }

    /** {@code aud} is a single string or an array, depending on how many audiences the token has. */
    List<String> audiences() {
        return strings(claims.path("aud"));
    }

    long lifetimeSeconds() {
        return claims.path("exp").asLong() - claims.path("iat").asLong();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else {
            node.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}

package com.bpo.kit.tenant;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Principal} of the current request, read once from its {@link SecurityIdentity} (roles) and bearer token
 * (claims {@code brand_id}, {@code vendor_id}, {@code agent_id}).
 */
@RequestScoped
public class CurrentPrincipal {

    static final String BRAND_ID_CLAIM = "brand_id";
    static final String VENDOR_ID_CLAIM = "vendor_id";
    static final String AGENT_ID_CLAIM = "agent_id";

    private final SecurityIdentity identity;
    private Principal principal;

    CurrentPrincipal(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Principal get() {
        if (principal == null) {
            principal = of(identity);
        }
        return principal;
    }

    static Principal of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Principal.anonymous();
        }
        java.security.Principal caller = identity.getPrincipal();
        Set<String> roles = identity.getRoles();
        if (!(caller instanceof JsonWebToken token)) {
            // Not a token (e.g. a test identity without claims): roles only, so no tenant and an empty scope.
            return new Principal(caller.getName(), caller.getName(), null, roles, null, null, null);
        }
        String subject = firstNonBlank(token.getSubject(), token.getName());
        String username = firstNonBlank(text(token, "preferred_username"), token.getName(), subject);
        String clientId = firstNonBlank(text(token, "azp"), text(token, "client_id"));
        return new Principal(
                subject,
                username,
                clientId,
                roles,
                text(token, BRAND_ID_CLAIM),
                text(token, VENDOR_ID_CLAIM),
                text(token, AGENT_ID_CLAIM));
    }

    /** A claim as one string; a claim with several values names no single tenant and counts as absent. */
    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        if (value instanceof JsonArray array && array.size() == 1 && array.get(0) instanceof JsonString text) {
            return text.getString();
        }
        Log.debugf("Ignoring claim %s of %s: not a single value", claim, token.getSubject());
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}

package com.bpo.kit.tenant;

import java.util.Set;

/**
 * Who is calling: the facts of the request's token that the tenant scope is decided from.
 *
 * @param subject the token's {@code sub}; {@code null} for an anonymous caller
 * @param username {@code preferred_username}, or the subject when the token has none
 * @param clientId the OAuth client the token was issued to ({@code azp}), for integration clients the brand's
 *     system
 * @param roles realm roles
 * @param brandId the {@code brand_id} claim, or {@code null}
 * @param vendorId the {@code vendor_id} claim, or {@code null}
 * @param agentId the {@code agent_id} claim, or {@code null}
 */
public record Principal(
        String subject,
        String username,
        String clientId,
        Set<String> roles,
        String brandId,
        String vendorId,
        String agentId) {

    private static final Principal ANONYMOUS = new Principal(null, null, null, Set.of(), null, null, null);

    public Principal {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        brandId = blankToNull(brandId);
        vendorId = blankToNull(vendorId);
        agentId = blankToNull(agentId);
    }

    /** A caller without a token: no roles, no tenant. */
    public static Principal anonymous() {
        return ANONYMOUS;
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Set<String> candidates) {
        return candidates.stream().anyMatch(roles::contains);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

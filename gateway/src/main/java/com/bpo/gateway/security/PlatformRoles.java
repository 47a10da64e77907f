package com.bpo.gateway.security;

import java.util.Set;

/**
 * The realm roles of the platform (ARCHITECTURE section 6). A token holding none of them is valid but belongs to
 * nobody the platform serves (Keycloak's default roles only), so the gateway refuses it with 403 before any service
 * sees it.
 */
public final class PlatformRoles {

    public static final Set<String> ALL = Set.of(
            "platform-admin",
            "brand-admin",
            "brand-analyst",
            "brand-auditor",
            "vendor-admin",
            "vendor-supervisor",
            "qa-reviewer",
            "agent",
            "integration");

    private PlatformRoles() {}

    /** Whether {@code roles} holds at least one platform role. */
    public static boolean holdsAny(Set<String> roles) {
        return roles.stream().anyMatch(ALL::contains);
    }
}

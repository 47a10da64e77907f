package com.bpo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The realm gives every demo user and integration client a platform role, so the 403 for a valid token without one
 * is checked here, on the rule the proxy applies.
 */
class PlatformRolesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "platform-admin",
                "brand-admin",
                "brand-analyst",
                "brand-auditor",
                "vendor-admin",
                "vendor-supervisor",
                "qa-reviewer",
                "agent",
                "integration"
            })
    void eachPlatformRoleIsEnough(String role) {
        assertThat(PlatformRoles.holdsAny(Set.of("offline_access", role))).isTrue();
    }

    @Test
    void keycloaksDefaultRolesAloneAreNotEnough() {
        assertThat(PlatformRoles.holdsAny(Set.of("default-roles-bpo", "offline_access", "uma_authorization")))
                .isFalse();
    }

    @Test
    void noRolesAtAllIsNotEnough() {
        assertThat(PlatformRoles.holdsAny(Set.of())).isFalse();
    }

    @Test
    void roleNamesMatchExactly() {
        assertThat(PlatformRoles.holdsAny(Set.of("Platform-Admin", "agents", "brand-admin ")))
                .isFalse();
    }
}

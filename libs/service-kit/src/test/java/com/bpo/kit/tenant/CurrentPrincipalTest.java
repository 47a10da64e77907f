package com.bpo.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CurrentPrincipalTest {

    /** A token as the OIDC extension hands it over: claims by name, string claims as JSON values or strings. */
    private record Token(Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            Object name = claims.get("preferred_username");
            return name == null ? (String) claims.get("sub") : name.toString();
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    private static QuarkusSecurityIdentity identity(Map<String, Object> claims, String... roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Token(claims))
                .addRoles(Set.of(roles))
                .build();
    }

    @Test
    void tokenClaimsAndRolesBecomeThePrincipal() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "3f2a");
        claims.put("preferred_username", "ada");
        claims.put("azp", "bpo-console");
        claims.put("vendor_id", Json.createValue("vendor-1"));
        claims.put("agent_id", "agent-7");

        Principal principal = CurrentPrincipal.of(identity(claims, Roles.AGENT));

        assertThat(principal)
                .isEqualTo(
                        new Principal("3f2a", "ada", "bpo-console", Set.of(Roles.AGENT), null, "vendor-1", "agent-7"));
    }

    @Test
    void clientIdFallsBackToTheClientIdClaimAndSubjectToTheName() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", "service-account-erp");
        claims.put("client_id", "brand-erp");
        claims.put("brand_id", "brand-a");

        Principal principal = CurrentPrincipal.of(identity(claims, Roles.INTEGRATION));

        assertThat(principal.subject()).isEqualTo("service-account-erp");
        assertThat(principal.clientId()).isEqualTo("brand-erp");
        assertThat(principal.brandId()).isEqualTo("brand-a");
    }

    @Test
    void singleValuedArrayAndNumericClaimsAreRead() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "s");
        claims.put("brand_id", Json.createArrayBuilder().add("brand-a").build());
        claims.put("agent_id", Json.createValue(42));

        Principal principal = CurrentPrincipal.of(identity(claims, Roles.BRAND_ADMIN));

        assertThat(principal.brandId()).isEqualTo("brand-a");
        assertThat(principal.agentId()).isEqualTo("42");
    }

    @Test
    void claimWithSeveralTenantsCountsAsAbsent() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "s");
        claims.put(
                "brand_id",
                Json.createArrayBuilder().add("brand-a").add("brand-b").build());

        Principal principal = CurrentPrincipal.of(identity(claims, Roles.BRAND_ADMIN));

        assertThat(principal.brandId()).isNull();
        assertThat(ScopeRule.resolve(principal, Set.of()).isEmpty()).isTrue();
    }

    @Test
    void identityWithoutATokenHasRolesButNoTenant() {
        QuarkusSecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("basic-user"))
                .addRole(Roles.BRAND_ADMIN)
                .build();

        Principal principal = CurrentPrincipal.of(identity);

        assertThat(principal.subject()).isEqualTo("basic-user");
        assertThat(principal.roles()).containsExactly(Roles.BRAND_ADMIN);
        assertThat(principal.brandId()).isNull();
    }

    @Test
    void anonymousIdentityIsTheAnonymousPrincipal() {
        QuarkusSecurityIdentity anonymous =
                QuarkusSecurityIdentity.builder().setAnonymous(true).build();

        assertThat(CurrentPrincipal.of(anonymous)).isEqualTo(Principal.anonymous());
    }
}

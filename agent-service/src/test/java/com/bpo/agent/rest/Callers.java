package com.bpo.agent.rest;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Switches the caller in the middle of a {@code @TestSecurity} test, for a story with two parties (the brand ends an
 * engagement, then the vendor tries to read). The identity carries a token with the given claims, as one issued by
 * the platform's realm would.
 */
final class Callers {

    private Callers() {}

    static void actAs(TestIdentityAssociation identities, String user, String role, Map<String, String> claims) {
        identities.setTestIdentity(QuarkusSecurityIdentity.builder()
                .setPrincipal(new ClaimsToken(user, claims))
                .addRole(role)
                .build());
    }

    private record ClaimsToken(String name, Map<String, String> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) (claimName.equals("sub") ? "subject-" + name : claims.get(claimName));
        }
    }
}

package com.bpo.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    private static final String POLICY =
            "default-src 'self'; script-src 'self'; connect-src 'self'; " + "object-src 'none'; frame-ancestors 'none'";

    @Test
    void sourceIsAddedToItsDirectiveOnly() {
        String policy = ContentSecurityPolicy.withSource(POLICY, "connect-src", "http://127.0.0.1:8180");

        assertThat(policy)
                .isEqualTo("default-src 'self'; script-src 'self'; connect-src 'self' http://127.0.0.1:8180; "
                        + "object-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void sourceAlreadyListedIsNotRepeated() {
        String once = ContentSecurityPolicy.withSource(POLICY, "connect-src", "http://127.0.0.1:8180");

        assertThat(ContentSecurityPolicy.withSource(once, "connect-src", "http://127.0.0.1:8180"))
                .isEqualTo(once);
    }

    @Test
    void missingDirectiveIsCreatedWithSelfAndTheSource() {
        String policy = ContentSecurityPolicy.withSource("default-src 'self';", "connect-src", "https://sso.example");

        assertThat(policy).isEqualTo("default-src 'self'; connect-src 'self' https://sso.example");
    }
}

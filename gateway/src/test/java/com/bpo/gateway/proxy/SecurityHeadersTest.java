package com.bpo.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.testing.GatewayTestResource;
import com.bpo.gateway.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Every answer carries the browser hardening headers, whoever wrote it; API answers are never cached. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class SecurityHeadersTest {

    @Test
    void proxiedAnswerCarriesTheHeadersEvenWhenTheServiceSentWeakerOnes() {
        Response response =
                given().auth().oauth2(new Tokens().user("zongzi-admin")).get("/api/v1/brands");

        assertThat(response.statusCode()).isEqualTo(200);
        assertHardened(response);
        // The fake service answers SAMEORIGIN; the gateway's DENY wins.
        assertThat(response.headers().getValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void gatewaysOwnErrorsCarryTheHeaders() {
        Response response = given().get("/api/v1/brands");

        assertThat(response.statusCode()).isEqualTo(401);
        assertHardened(response);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void healthAndMetricsCarryTheHeaders() {
        assertHardened(given().get("/q/health/ready"));
        assertHardened(given().get("/q/metrics"));
    }

    private static void assertHardened(Response response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'");
    }
}

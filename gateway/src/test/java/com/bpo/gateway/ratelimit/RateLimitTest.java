package com.bpo.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.testing.GatewayTestResource;
import com.bpo.gateway.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Each client has its own bucket. The test configuration gives {@code integration-teahouse} a burst of 3 and 0.2
 * requests a second (one every 5 s); no other test uses that client.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class RateLimitTest {

    @Test
    void clientOverItsBurstGets429WithRetryAfterWhileOtherClientsPass() {
        Tokens tokens = new Tokens();
        String teahouse = tokens.integration("integration-teahouse");
        String zongzi = tokens.integration("integration-zongzi");
        int burst = Integer.parseInt(GatewayTestResource.INTEGRATION_TEAHOUSE_BURST);

        for (int i = 0; i < burst; i++) {
            given().auth().oauth2(teahouse).get("/api/v1/kpis/csat").then().statusCode(200);
        }
        Response limited = given().auth().oauth2(teahouse).get("/api/v1/kpis/csat");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).isEqualTo("application/problem+json");
        assertThat(limited.jsonPath().getString("type")).isEqualTo("urn:bpo:problem:rate-limited");
        // One token every 5 s, rounded up to whole seconds.
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(4L, 5L);
        given().auth().oauth2(zongzi).get("/api/v1/kpis/csat").then().statusCode(200);
        assertThat(given().get("/q/metrics").asString())
                .contains("bpo_gateway_rate_limit_decisions_total{client=\"integration-teahouse\",outcome=\"limited\"}")
                .contains("bpo_gateway_rate_limit_decisions_total{client=\"integration-zongzi\",outcome=\"allowed\"}");
    }
}

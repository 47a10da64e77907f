package com.bpo.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bpo.gateway.testing.FakeService;
import com.bpo.gateway.testing.FakeServices;
import com.bpo.gateway.testing.GatewayTestResource;
import com.bpo.gateway.testing.InjectFakeServices;
import com.bpo.gateway.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service that is down, slow or breaks off costs the caller a quick, named answer, never a hang. The test
 * configuration opens a breaker after 3 consecutive failures for 1 s and gives up on silence after 2 s.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class DownstreamFailureTest {

    @TestHTTPResource("/")
    URL gateway;

    @InjectFakeServices
    FakeServices services;

    private String token;

    @BeforeEach
    void fetchToken() {
        token = new Tokens().user("bluesea-supervisor");
    }

    @Test
    void serviceNobodyListensForAnswers503NamingItWithinASecond() {
        // The token's first check may fetch the realm's keys; that is not what is timed here.
        given().auth().oauth2(token).get("/api/v1/brands").then().statusCode(200);
        long started = System.nanoTime();
        Response response = given().auth().oauth2(token).get("/api/v1/qa/evaluations");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:bpo:problem:service-unavailable");
        assertThat(response.jsonPath().getString("detail")).contains("qa service");
        // A refused connection fails at once; the bound leaves room for a machine busy with other builds.
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresAndClosesOnceTheServiceIsBack() {
        FakeService ticket = services.ticket();
        ticket.stop();
        try {
            for (int i = 0; i < 3; i++) {
                Response refused = given().auth().oauth2(token).get("/api/v1/tickets/t-" + i);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.jsonPath().getString("detail")).contains("ticket service");
            }

            Response open = given().auth().oauth2(token).get("/api/v1/tickets/t-3");
            assertThat(open.statusCode()).isEqualTo(503);
            assertThat(open.jsonPath().getString("detail")).contains("ticket service");
            assertThat(open.header("Retry-After")).isEqualTo("1");
            // Readiness is about the gateway alone: it must stay in rotation to answer 503 for the service.
            given().get("/q/health/ready").then().statusCode(200);
            assertThat(given().get("/q/metrics").asString())
                    .contains("bpo_gateway_circuit_open{route=\"ticket\"} 1.0")
                    .contains("outcome=\"circuit-open\",route=\"ticket\"");
        } finally {
            ticket.start();
        }

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        given().auth().oauth2(token).get("/api/v1/tickets/t-4").statusCode() == 200);
        given().auth().oauth2(token).get("/api/v1/complaints").then().statusCode(200);
        assertThat(given().get("/q/metrics").asString()).contains("bpo_gateway_circuit_open{route=\"ticket\"} 0.0");
    }

    @Test
    void serviceThatNeverAnswersGets504AfterTheRequestTimeout() {
        long started = System.nanoTime();
        Response response = given().auth().oauth2(token).get("/api/v1/audit/hang");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:bpo:problem:gateway-timeout");
        assertThat(response.jsonPath().getString("detail")).contains("audit service");
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
    }

    @Test
    void serviceThatClosesWithoutAnAnswerGets502() {
        Response response = given().auth().oauth2(token).get("/api/v1/audit/close-before-answer");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:bpo:problem:bad-gateway");
        assertThat(response.jsonPath().getString("detail")).contains("audit service");
    }

    @Test
    void answerBrokenOffMidwayIsNotPassedOffAsComplete() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/audit/break-mid-answer"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOf(IOException.class);
    }
}

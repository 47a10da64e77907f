package com.bpo.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.testing.GatewayTestResource;
import com.bpo.gateway.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests reach the service that owns their path, as they were sent, with the gateway's forwarding headers. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class RoutingTest {

    @TestHTTPResource("/")
    URL gateway;

    private String token;

    @BeforeEach
    void fetchToken() {
        token = new Tokens().user("zongzi-analyst");
    }

    @Test
    void pathsGoToTheRouteWithTheLongestOwningPrefix() {
        assertThat(serviceOf("/api/v1/brands/brand-zongzi")).isEqualTo("agent");
        assertThat(serviceOf("/api/v1/chat/messages")).isEqualTo("agent");
        assertThat(serviceOf("/api/v1/kpis/response-rate")).isEqualTo("analytics");
        assertThat(serviceOf("/api/v1/kpis")).isEqualTo("analytics");
        assertThat(serviceOf("/api/v1/kpis/reports/daily")).isEqualTo("reports");
        assertThat(serviceOf("/api/v1/kpis/reports")).isEqualTo("reports");
    }

    @Test
    void pathNoRouteOwnsAnswersNotFoundAsProblem() {
        Response response = given().auth().oauth2(token).get("/api/v1/nothing-here/1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("type")).isEqualTo("urn:bpo:problem:not-found");
        assertThat(problem.getInt("status")).isEqualTo(404);
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/nothing-here/1");
        assertThat(problem.getString("requestId")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void prefixMatchesWholeSegmentsOnly() {
        // "/api/v1/chatter" is not below "/api/v1/chat".
        given().auth().oauth2(token).get("/api/v1/chatter").then().statusCode(404);
    }

    @Test
    void dotSegmentsAreResolvedBeforeRouting() throws Exception {
        // java.net.http sends the path as written, dot segments included.
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway + "api/v1/chat/../kpis/x"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath echo = new JsonPath(response.body());
        assertThat(echo.getString("service")).isEqualTo("analytics");
        assertThat(echo.getString("path")).isEqualTo("/api/v1/kpis/x");
    }

    @Test
    void methodPathQueryAndBodyArriveUnchanged() throws Exception {
        byte[] body = "{\"messages\":[{\"text\":\"粽子什么时候发货?\"}]}".getBytes(StandardCharsets.UTF_8);

        JsonPath echo = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .urlEncodingEnabled(false)
                .put("/api/v1/chat/messages/m-1?brandId=brand-zongzi&tag=a%20b&tag=c")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(echo.getString("service")).isEqualTo("agent");
        assertThat(echo.getString("method")).isEqualTo("PUT");
        assertThat(echo.getString("path")).isEqualTo("/api/v1/chat/messages/m-1");
        assertThat(echo.getString("query")).isEqualTo("brandId=brand-zongzi&tag=a%20b&tag=c");
        assertThat(echo.getLong("bodyBytes")).isEqualTo(body.length);
        assertThat(echo.getString("bodySha256"))
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        assertThat(echo.getString("headers.'content-type'")).startsWith("application/json");
    }

    @Test
    void tokenTraceContextAndOrdinaryHeadersPassUnchanged() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        JsonPath echo = given().auth()
                .oauth2(token)
                .header("traceparent", traceparent)
                .header("tracestate", "bpo=1")
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/brands")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(echo.getString("headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(echo.getString("headers.traceparent")).isEqualTo(traceparent);
        assertThat(echo.getString("headers.tracestate")).isEqualTo("bpo=1");
        assertThat(echo.getString("headers.'accept-language'")).isEqualTo("zh-CN");
    }

    @Test
    void hopByHopHeadersStopAtTheGateway() {
        JsonPath echo = given().auth()
                .oauth2(token)
                .header("Connection", "keep-alive, X-Hop-Secret")
                .header("X-Hop-Secret", "only for the next hop")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("TE", "trailers")
                .get("/api/v1/brands")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(echo.getMap("headers"))
                .doesNotContainKeys("x-hop-secret", "keep-alive", "proxy-authorization", "te");
    }

    @Test
    void forwardingHeadersDescribeTheCallerNotWhatTheCallerClaims() {
        Response response = given().auth()
                .oauth2(token)
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example.com")
                .header("Forwarded", "for=6.6.6.6")
                .get("/api/v1/brands");
        JsonPath echo = response.jsonPath();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(echo.getString("headers.'x-forwarded-for'")).isEqualTo("127.0.0.1");
        assertThat(echo.getString("headers.'x-forwarded-proto'")).isEqualTo("http");
        assertThat(echo.getString("headers.'x-forwarded-host'")).startsWith("localhost:");
        assertThat(echo.getString("headers.forwarded")).isNull();
        assertThat(echo.getString("headers.host")).doesNotStartWith("localhost:");
    }

    @Test
    void requestIdIsGeneratedWhenMissingAndReturned() {
        Response response = given().auth().oauth2(token).get("/api/v1/brands");

        String returned = response.header("X-Request-Id");
        assertThat(returned).isNotBlank();
        assertThat(UUID.fromString(returned)).isNotNull();
        assertThat(response.jsonPath().getString("headers.'x-request-id'")).isEqualTo(returned);
    }

    @Test
    void callersRequestIdIsKept() {
        Response response =
                given().auth().oauth2(token).header("X-Request-Id", "sim-42.7").get("/api/v1/kpis/csat");

        assertThat(response.header("X-Request-Id")).isEqualTo("sim-42.7");
        assertThat(response.jsonPath().getString("headers.'x-request-id'")).isEqualTo("sim-42.7");
    }

    @Test
    void unusableRequestIdIsReplaced() {
        Response response = given().auth()
                .oauth2(token)
                .header("X-Request-Id", "x".repeat(300))
                .get("/api/v1/brands");

        assertThat(response.header("X-Request-Id")).hasSizeLessThan(100);
        assertThat(response.jsonPath().getString("headers.'x-request-id'")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void servicesAnswerComesBackWithItsStatusHeadersAndBody() {
        Response response = given().auth().oauth2(token).get("/api/v1/vendors");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Service")).isEqualTo("agent");
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.jsonPath().getString("path")).isEqualTo("/api/v1/vendors");
    }

    private String serviceOf(String path) {
        return given().auth()
                .oauth2(token)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("service");
    }
}

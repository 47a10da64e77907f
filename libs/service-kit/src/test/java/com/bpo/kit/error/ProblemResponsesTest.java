package com.bpo.kit.error;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The problem mappers as a service gets them from the kit, through real HTTP requests. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ProblemResponsesTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void invalidBodyAnswers400NamingEachWrongField() {
        String body =
                """
                {"brandId": "", "messages": [
                  {"text": "hi", "sentAt": "2026-11-23T10:15:30Z"},
                  {"text": "", "sentAt": null}]}""";

        given().contentType(ContentType.JSON)
                .header("X-Request-Id", "req-1")
                .body(body)
                .post("/kit-test/problems/replies")
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:validation"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/kit-test/problems/replies"))
                .body("requestId", equalTo("req-1"))
                .body("errors.field", contains("brandId", "messages[1].sentAt", "messages[1].text"))
                .body("errors.message", contains("must not be blank", "must not be null", "must not be blank"));
    }

    @Test
    void missingBodyAnswers400() {
        given().contentType(ContentType.JSON)
                .post("/kit-test/problems/replies")
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:validation"))
                .body("errors[0].field", nullValue())
                .body("errors[0].message", equalTo("must not be null"));
    }

    @Test
    void valueOfTheWrongFormatNamesItsJsonPath() {
        given().contentType(ContentType.JSON)
                .body("{\"brandId\": \"b\", \"messages\": [{\"text\": \"hi\", \"sentAt\": \"yesterday\"}]}")
                .post("/kit-test/problems/replies")
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("errors[0].field", equalTo("messages[0].sentAt"))
                .body("errors[0].rejectedValue", equalTo("yesterday"));
    }

    @Test
    void valueOfTheWrongJsonTypeNamesItsJsonPath() {
        given().contentType(ContentType.JSON)
                .body("{\"brandId\": \"b\", \"messages\": {\"text\": \"hi\"}}")
                .post("/kit-test/problems/replies")
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("errors[0].field", equalTo("messages"))
                .body("errors[0].message", equalTo("must be an array"));
    }

    @Test
    void bodyThatIsNotJsonAnswers400MalformedRequest() {
        given().contentType(ContentType.JSON)
                .body("{\"brandId\": ")
                .post("/kit-test/problems/replies")
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:malformed-request"))
                .body("detail", startsWith("The request body is not valid JSON"));
    }

    @Test
    void invalidQueryParameterIsNamedAsOnTheWire() {
        given().queryParam("size", 1000)
                .get("/kit-test/problems/search")
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].rejectedValue", equalTo(1000));
    }

    @Test
    void validRequestIsNotTouched() {
        given().queryParam("size", 10)
                .get("/kit-test/problems/search")
                .then()
                .statusCode(200)
                .body(equalTo("size 10"));
    }

    @Test
    void notFoundAnswers404Problem() {
        given().get("/kit-test/problems/tickets/t-1")
                .then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:not-found"))
                .body("instance", equalTo("/kit-test/problems/tickets/t-1"));
    }

    @Test
    void pathWithoutEndpointAnswers404Problem() {
        given().get("/kit-test/problems/no-such-endpoint")
                .then()
                .statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:not-found"));
    }

    @Test
    void businessRuleConflictAnswers409WithItsDetail() {
        given().post("/kit-test/problems/tickets/t-9/reopen")
                .then()
                .statusCode(409)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:conflict"))
                .body("detail", equalTo("Ticket t-9 was closed more than 30 days ago."));
    }

    @Test
    void failedUniAnswersWithItsProblem() {
        given().post("/kit-test/problems/tickets/t-9/escalate")
                .then()
                .statusCode(422)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:business-rule"))
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void unexpectedFailureAnswers500WithoutItsMessage() {
        Response response = given().header("X-Request-Id", "req-500").get("/kit-test/problems/failure");

        response.then()
                .statusCode(500)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:internal"))
                .body("requestId", equalTo("req-500"));
        assertThat(response.asString())
                .doesNotContain("db-internal-7", "agent_app", "IllegalStateException", "at com.");
    }

    @Test
    void unexpectedFailureWithoutRequestIdGetsOneToQuote() {
        given().get("/kit-test/problems/failure").then().statusCode(500).body("requestId", notNullValue());
    }

    @Test
    void requestIdThatIsNotAPlainTokenIsNotEchoed() {
        given().header("X-Request-Id", "<script>alert(1)</script>")
                .get("/kit-test/problems/tickets/t-1")
                .then()
                .statusCode(404)
                .body("requestId", nullValue());
    }

    @Test
    void statusOfOtherClientErrorsAndTheirHeadersAreKept() {
        given().get("/kit-test/problems/throttled")
                .then()
                .statusCode(429)
                .contentType(startsWith(PROBLEM_JSON))
                .header("Retry-After", equalTo("30"))
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Too Many Requests"));
    }

    @Test
    void missingTokenStillGetsTheAuthenticationChallenge() {
        given().get("/kit-test/problems/admin").then().statusCode(401).contentType(not(startsWith(PROBLEM_JSON)));
    }

    @Test
    @TestSecurity(user = "agent-1", roles = "agent")
    void wrongRoleAnswers403Problem() {
        given().get("/kit-test/problems/admin")
                .then()
                .statusCode(403)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:forbidden"));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "platform-admin")
    void rightRoleIsServed() {
        given().get("/kit-test/problems/admin").then().statusCode(200).body(equalTo("admin"));
    }
}

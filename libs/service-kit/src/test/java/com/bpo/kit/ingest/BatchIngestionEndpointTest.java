package com.bpo.kit.ingest;

import static com.bpo.kit.ingest.BatchReaderFixtures.message;
import static com.bpo.kit.ingest.BatchReaderFixtures.utf8;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@link BatchReader} behind a real endpoint: the answer's shape and the refusals as problem+json. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class BatchIngestionEndpointTest {

    private static final String PATH = "/kit-test/ingest/messages";
    private static final String PROBLEM_JSON = "application/problem+json";
    // Explicit, because RestAssured would otherwise declare ISO-8859-1 for a type it does not know.
    private static final String NDJSON_UTF8 = BatchReader.NDJSON + "; charset=utf-8";

    @TestHTTPResource(PATH)
    URI endpoint;

    @Test
    void arrayBatchAnswersHowManyWereAcceptedAndWhyEachOtherWasRejected() {
        String body = "[" + message(0) + ", {\"messageId\": \"m-1\", \"sender\": \"BOT\", \"text\": \"hi\","
                + " \"sentAt\": \"soon\"}, " + message(2) + "]";

        given().contentType("application/json")
                .body(utf8(body))
                .post(PATH)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(0))
                .body("rejected", equalTo(1))
                .body("rejections.index", contains(1))
                .body("rejections[0].errors.field", contains("sentAt"))
                .body("rejections[0].errors.rejectedValue", contains("soon"));
    }

    @Test
    void ndjsonBatchNamesTheWholeRecordWhenALineIsNoJson() {
        String body = message(0) + "\n\n{\"messageId\": \"m-1\", \"text\": \"你好\n" + message(2) + "\n";

        given().contentType(NDJSON_UTF8)
                .body(utf8(body))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("rejections.index", contains(1))
                .body("rejections[0].errors.field", contains(""))
                .body("rejections[0].errors.message", contains(startsWith("line 3 is not valid JSON")));
    }

    @Test
    void validBatchAnswersNoRejections() {
        given().contentType(NDJSON_UTF8)
                .body(utf8(message(0) + "\n" + message(1)))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(0))
                .body("rejections", empty());
    }

    @Test
    void batchOverTheLimitAnswers413Problem() {
        String body = String.join("\n", message(0), message(1), message(2), message(3));

        given().contentType(NDJSON_UTF8)
                .body(utf8(body))
                .post(PATH)
                .then()
                .statusCode(413)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:batch-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString("more than " + IngestProbeResource.MAX_RECORDS + " records"))
                .body("instance", equalTo(PATH));
    }

    @Test
    void brokenArrayAnswers400Problem() {
        given().contentType("application/json")
                .body(utf8("[" + message(0) + ", {\"messageId\": "))
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:malformed-request"))
                .body("detail", startsWith("The request body is not valid JSON (line 1, column"));
    }

    @Test
    void emptyArrayAnswers400Problem() {
        given().contentType("application/json")
                .body(utf8("[]"))
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:bpo:problem:validation"))
                .body("detail", equalTo("The batch holds no records."));
    }

    @Test
    void unsupportedContentTypeAnswers415Problem() {
        given().contentType("text/csv")
                .body(utf8("messageId,text\nm-1,hi\n"))
                .post(PATH)
                .then()
                .statusCode(415)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(415));
    }

    @Test
    void ndjsonDeclaredInAnotherCharsetAnswers415Problem() {
        given().contentType(BatchReader.NDJSON + "; charset=ISO-8859-1")
                .body(utf8(message(0)))
                .post(PATH)
                .then()
                .statusCode(415)
                .contentType(startsWith(PROBLEM_JSON))
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void bodyWithoutContentTypeIsReadAsAnArray() throws IOException, InterruptedException {
        // RestAssured always sends a content type; the JDK client sends none unless told.
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(utf8("[" + message(0) + "]")))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(request.headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"accepted\":1");
    }
}

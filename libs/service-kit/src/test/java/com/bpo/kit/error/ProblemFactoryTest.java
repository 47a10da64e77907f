package com.bpo.kit.error;

import static com.bpo.kit.error.ValidationFixtures.validRequest;
import static com.bpo.kit.error.ValidationFixtures.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.bpo.kit.error.ValidationFixtures.Item;
import com.bpo.kit.error.ValidationFixtures.Order;
import com.bpo.kit.error.ValidationFixtures.TicketRequest;
import com.bpo.kit.error.ValidationFixtures.TicketResource;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemFactoryTest {

    private static final String PATH = "/api/tickets";
    private static final String REQUEST_ID = "req-42";

    private final ObjectMapper objectMapper = ValidationFixtures.objectMapper();
    private final ProblemFactory problems = new ProblemFactory(objectMapper);

    @Test
    void problemExceptionKeepsItsStatusTypeTitleDetailAndErrors() {
        ProblemException conflict = ProblemException.businessRule(
                "A closed ticket cannot be reopened after 30 days.", FieldError.of("status", "cannot be OPEN"));

        Problem problem = problems.toProblem(conflict, PATH, REQUEST_ID);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).hasToString("urn:bpo:problem:business-rule");
        assertThat(problem.title()).isEqualTo("Business rule violated");
        assertThat(problem.detail()).isEqualTo("A closed ticket cannot be reopened after 30 days.");
        assertThat(problem.instance()).isEqualTo(PATH);
        assertThat(problem.requestId()).isEqualTo(REQUEST_ID);
        assertThat(problem.errors()).containsExactly(FieldError.of("status", "cannot be OPEN"));
    }

    @Test
    void conflictIs409() {
        Problem problem = problems.toProblem(ProblemException.conflict("Message m-1 was already sent."), PATH, null);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.CONFLICT);
        assertThat(problem.requestId()).isNull();
    }

    @Test
    void constraintViolationsAre400WithEveryFieldNamedInOrder() {
        TicketRequest request = new TicketRequest(
                "", List.of(new Item("", Instant.EPOCH, 1), new Item("ok", null, 2)), null, null, "张三");

        Problem problem = problems.toProblem(violationsOf("create", request), PATH, REQUEST_ID);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(ProblemTypes.VALIDATION);
        assertThat(problem.detail()).isEqualTo("3 fields are invalid.");
        assertThat(problem.errors())
                .extracting(FieldError::field, FieldError::message, FieldError::rejectedValue)
                .containsExactly(
                        tuple("brandId", "must not be blank", ""),
                        tuple("items[0].text", "must not be blank", ""),
                        tuple("items[1].sentAt", "must not be null", null));
    }

    @Test
    void queryParameterViolationNamesTheParameterAndEchoesTheNumber() {
        Problem problem = problems.toProblem(violationsOf("search", 1000, "ok", "brand-1"), PATH, null);

        assertThat(problem.errors())
                .extracting(FieldError::field, FieldError::rejectedValue)
                .containsExactly(tuple("page_size", 1000));
    }

    @Test
    void returnValueViolationIsTheServersFault() throws Exception {
        var violations = ValidationFixtures.VALIDATOR
                .forExecutables()
                .validateReturnValue(new TicketResource(), TicketResource.class.getMethod("describe"), (Object) null);

        Problem problem =
                problems.toProblem(new ConstraintViolationException(Set.copyOf(violations)), PATH, REQUEST_ID);

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo(ProblemTypes.INTERNAL);
        assertThat(problem.errors()).isEmpty();
    }

    @Test
    void wrongJsonFormatNamesTheJsonPathAndTheExpectedValue() {
        Throwable failure = catchThrowable(() ->
                objectMapper.readValue("{\"items\":[{\"text\":\"a\",\"sentAt\":\"yesterday\"}]}", TicketRequest.class));

        Problem problem = problems.toProblem(failure, PATH, null);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(ProblemTypes.VALIDATION);
        assertThat(problem.errors())
                .extracting(FieldError::field, FieldError::message, FieldError::rejectedValue)
                .containsExactly(tuple(
                        "items[0].sentAt",
                        "has an invalid value, expected an ISO-8601 timestamp with offset, such as"
                                + " 2026-11-23T10:15:30+08:00",
                        "yesterday"));
    }

    @Test
    void unknownEnumConstantListsTheAllowedOnes() {
        Throwable failure = catchThrowable(() -> objectMapper.readValue("{\"channel\":\"TAOBAO\"}", Order.class));

        Problem problem = problems.toProblem(failure, PATH, null);

        assertThat(problem.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("channel", "has an invalid value, expected one of TMALL, JD"));
    }

    @Test
    void wrongJsonTypeNamesTheFieldWithoutJavaClassNames() {
        Throwable failure = catchThrowable(() -> objectMapper.readValue("{\"quantity\":[1]}", Order.class));

        Problem problem = problems.toProblem(failure, PATH, null);

        assertThat(problem.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("quantity", "must be an integer"));
        assertThat(problem.toString()).doesNotContain("java.", "com.bpo");
    }

    @Test
    void unknownPropertyIsNamed() {
        ObjectMapper strict =
                ValidationFixtures.objectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Throwable failure = catchThrowable(() -> strict.readValue("{\"quantity\":1,\"discount\":5}", Order.class));

        Problem problem = problems.toProblem(failure, PATH, null);

        assertThat(problem.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("discount", "is not a known property"));
    }

    @Test
    void nullForAPrimitiveNamesTheField() {
        ObjectMapper strict =
                ValidationFixtures.objectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Throwable failure = catchThrowable(() -> strict.readValue("{\"quantity\":null}", Order.class));

        Problem problem = problems.toProblem(failure, PATH, null);

        assertThat(problem.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("quantity", "must be an integer"));
    }

    @Test
    void explicitNullWhereForbiddenIsNamed() {
        Throwable failure = catchThrowable(() -> objectMapper.readValue("{\"name\":null}", Named.class));

        Problem problem = problems.toProblem(failure, PATH, null);

        assertThat(problem.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("name", "must not be null"));
    }

    @Test
    void recordConstructorRuleBecomesAFieldError() {
        Throwable failure = catchThrowable(() -> objectMapper.readValue("{\"brandId\":\"\"}", BrandRef.class));

        Problem problem = problems.toProblem(failure, PATH, null);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::message).containsExactly("brandId must not be blank");
    }

    @Test
    void unparsableJsonIsAMalformedRequestWithItsPosition() {
        Throwable failure = catchThrowable(() -> objectMapper.readValue("{\"brandId\": \"b\",,}", Order.class));

        Problem problem = problems.toProblem(failure, PATH, REQUEST_ID);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(ProblemTypes.MALFORMED_REQUEST);
        assertThat(problem.detail()).isEqualTo("The request body is not valid JSON (line 1, column 17).");
    }

    @Test
    void jsonFailureWrappedByTheRestLayerIsUnwrapped() {
        Throwable parseFailure = catchThrowable(() -> objectMapper.readValue("{", Order.class));

        Problem problem = problems.toProblem(new WebApplicationException(parseFailure, 400), PATH, null);

        assertThat(problem.type()).isEqualTo(ProblemTypes.MALFORMED_REQUEST);
        assertThat(problem.detail()).startsWith("The request body is not valid JSON");
    }

    @Test
    void jacksonDefinitionErrorIsTheServersFault() {
        Throwable failure = catchThrowable(() -> objectMapper.readValue("{}", NotDeserializable.class));

        assertThat(problems.toProblem(failure, PATH, null).status()).isEqualTo(500);
    }

    @Test
    void notFoundIs404WithoutTheDefaultMessage() {
        Problem problem = problems.toProblem(new NotFoundException(), PATH, REQUEST_ID);

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo(ProblemTypes.NOT_FOUND);
        assertThat(problem.detail()).isNull();
    }

    @Test
    void notFoundKeepsAMessageTheServiceWrote() {
        Problem problem = problems.toProblem(new NotFoundException("No ticket t-1 in your scope."), PATH, null);

        assertThat(problem.detail()).isEqualTo("No ticket t-1 in your scope.");
    }

    @Test
    void forbiddenIs403ForBothJaxRsAndQuarkusSecurity() {
        Problem fromJaxRs = problems.toProblem(new ForbiddenException(), PATH, null);
        Problem fromSecurity = problems.toProblem(new io.quarkus.security.ForbiddenException(), PATH, null);

        assertThat(List.of(fromJaxRs, fromSecurity))
                .extracting(Problem::status, Problem::type)
                .containsOnly(tuple(403, ProblemTypes.FORBIDDEN));
    }

    @Test
    void notAuthorizedIs401() {
        Problem problem = problems.toProblem(new NotAuthorizedException("Bearer"), PATH, null);

        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.type()).isEqualTo(ProblemTypes.UNAUTHORIZED);
    }

    @Test
    void otherClientErrorsKeepTheirStatusWithAboutBlank() {
        Problem problem = problems.toProblem(new NotAllowedException("GET"), PATH, null);

        assertThat(problem.status()).isEqualTo(405);
        assertThat(problem.type()).isEqualTo(ProblemTypes.ABOUT_BLANK);
        assertThat(problem.title()).isEqualTo("Method Not Allowed");
    }

    @Test
    void unexpectedExceptionLeaksNothingAndGetsARequestId() throws Exception {
        RuntimeException failure = new IllegalStateException("jdbc:postgresql://db/agent password=s3cret");

        Problem problem = problems.toProblem(failure, PATH, null);
        String json = objectMapper.writeValueAsString(problem);

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo(ProblemTypes.INTERNAL);
        assertThat(problem.detail()).isEqualTo(ProblemFactory.INTERNAL_DETAIL);
        assertThat(problem.requestId()).isNotBlank();
        assertThat(json).doesNotContain("s3cret", "postgresql", "IllegalStateException");
    }

    @Test
    void serverErrorKeepsTheCallersRequestId() {
        Problem problem = problems.toProblem(new InternalServerErrorException("boom"), PATH, REQUEST_ID);

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("boom");
        assertThat(problem.requestId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void wrappedFailuresAreUnwrapped() {
        Problem problem =
                problems.toProblem(new CompletionException(ProblemException.conflict("duplicate")), PATH, null);

        assertThat(problem.status()).isEqualTo(409);
    }

    @Test
    void longTextsAndObjectsAreNotEchoed() {
        assertThat(ProblemFactory.rejectedValue("x".repeat(101))).isNull();
        assertThat(ProblemFactory.rejectedValue("x".repeat(100))).isEqualTo("x".repeat(100));
        assertThat(ProblemFactory.rejectedValue(validRequest())).isNull();
        assertThat(ProblemFactory.rejectedValue(List.of("a"))).isNull();
        assertThat(ProblemFactory.rejectedValue(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(ProblemFactory.rejectedValue(ValidationFixtures.Channel.JD)).isEqualTo("JD");
    }

    @Test
    void problemSerializesAsRfc9457Json() throws Exception {
        Problem problem = problems.toProblem(violationsOf("search", 1000, "ok", "brand-1"), PATH, REQUEST_ID);

        JsonNode json = objectMapper.readTree(objectMapper.writeValueAsString(problem));

        assertThat(json.get("type").asText()).isEqualTo("urn:bpo:problem:validation");
        assertThat(json.get("title").asText()).isEqualTo("Invalid request");
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.get("instance").asText()).isEqualTo(PATH);
        assertThat(json.get("requestId").asText()).isEqualTo(REQUEST_ID);
        assertThat(json.get("errors").get(0).get("field").asText()).isEqualTo("page_size");
    }

    @Test
    void emptyPartsAreLeftOutOfTheJson() throws Exception {
        Problem problem = problems.toProblem(new NotFoundException(), PATH, null);

        JsonNode json = objectMapper.readTree(objectMapper.writeValueAsString(problem));

        assertThat(json.has("errors")).isFalse();
        assertThat(json.has("detail")).isFalse();
        assertThat(json.has("requestId")).isFalse();
    }

    @Test
    void problemStatusMustBeAnError() {
        assertThatThrownBy(() -> new ProblemException(302, ProblemTypes.CONFLICT, "x", "y", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemTypeNamesAreLowerCaseWords() {
        assertThat(ProblemTypes.of("quota-exceeded")).hasToString("urn:bpo:problem:quota-exceeded");
        assertThatThrownBy(() -> ProblemTypes.of("Quota Exceeded")).isInstanceOf(IllegalArgumentException.class);
    }

    record Named(@JsonSetter(nulls = Nulls.FAIL) String name) {}

    record BrandRef(String brandId) {
        BrandRef {
            if (brandId == null || brandId.isBlank()) {
                throw new IllegalArgumentException("brandId must not be blank");
            }
        }
    }

    /** Two creators Jackson cannot choose between: a definition problem, not bad input. */
    static final class NotDeserializable {
        @com.fasterxml.jackson.annotation.JsonCreator
        NotDeserializable(@com.fasterxml.jackson.annotation.JsonProperty("a") String a) {}

        @com.fasterxml.jackson.annotation.JsonCreator
        NotDeserializable(@com.fasterxml.jackson.annotation.JsonProperty("b") Integer b) {}
    }
}

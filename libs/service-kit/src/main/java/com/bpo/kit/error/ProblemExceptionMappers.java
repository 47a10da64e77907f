package com.bpo.kit.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers every failed REST request with {@code application/problem+json} (RFC 9457), as decided by
 * {@link ProblemFactory}.
 *
 * <p>One mapper per exception type that Quarkus or its extensions already map (validation, Jackson, JAX-RS,
 * {@code io.quarkus.security.ForbiddenException}): for equally specific types an application mapper wins over a
 * built-in one. Quarkus's own mappers for {@code UnauthorizedException} and {@code AuthenticationFailedException}
 * stay in charge, so a missing or bad token still gets the authentication mechanism's challenge
 * ({@code WWW-Authenticate: Bearer}); responses that OIDC sends before a request reaches REST are untouched.
 */
@Singleton
public class ProblemExceptionMappers {

    /** The header a caller (or the gateway) sets to correlate its request with our logs. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** Request ids are echoed and logged, so only plain tokens are accepted. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ProblemFactory problems;
    private final ObjectMapper objectMapper;

    public ProblemExceptionMappers(ObjectMapper objectMapper) {
        this.problems = new ProblemFactory(objectMapper);
        this.objectMapper = objectMapper;
    }

    @ServerExceptionMapper
    public Response mapProblem(ProblemException failure, ContainerRequestContext request) {
        return respond(failure, request);
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException failure, ContainerRequestContext request) {
        return respond(failure, request);
    }

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException failure, ContainerRequestContext request) {
        return respond(failure, request);
    }

    @ServerExceptionMapper
    public Response mapValueInstantiation(ValueInstantiationException failure, ContainerRequestContext request) {
        return respond(failure, request);
    }

    @ServerExceptionMapper
    public Response mapUnparsableJson(StreamReadException failure, ContainerRequestContext request) {
        return respond(failure, request);
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException failure, ContainerRequestContext request) {
        Response original = failure.getResponse();
        if (original.getStatus() < 400 || original.hasEntity()) {
            // Redirects and responses the application built with a body of its own are sent as they are.
            return original;
        }
        return respond(failure, request);
    }

    @ServerExceptionMapper
    public Response mapForbidden(io.quarkus.security.ForbiddenException failure, ContainerRequestContext request) {
        return respond(failure, request);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception failure, ContainerRequestContext request) {
        return respond(failure, request);
    }

    private Response respond(Exception failure, ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Problem problem = problems.toProblem(failure, path, requestId(request));
        if (problem.status() >= 500) {
            Log.errorf(failure, "%s %s failed (request id %s)", request.getMethod(), path, problem.requestId());
        } else {
            Log.debugf(
                    "%s %s answered %d %s (request id %s)",
                    request.getMethod(), path, problem.status(), problem.type(), problem.requestId());
        }
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(toJson(problem));
        if (failure instanceof WebApplicationException webApplication) {
            // Keep what the original response told the client, such as WWW-Authenticate, Allow or Retry-After.
            webApplication.getResponse().getHeaders().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                        && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                    values.forEach(value -> response.header(name, value));
                }
            });
        }
        return response.build();
    }

    /** The caller's request id if it is a plain token; anything else is ignored rather than echoed. */
    static String requestId(ContainerRequestContext request) {
        String requestId = request.getHeaderString(REQUEST_ID_HEADER);
        return requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : null;
    }

    /**
     * Serialized here rather than by a message body writer, so the answer does not depend on a writer being
     * registered for {@value Problem#MEDIA_TYPE} or on what the client accepts.
     */
    private String toJson(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // Cannot happen for this record with simple values; never let the error answer fail.
            Log.error("Could not serialize a problem", e);
            return "{\"type\":\"" + ProblemTypes.INTERNAL + "\",\"title\":\"Internal server error\",\"status\":"
                    + problem.status() + "}";
        }
    }
}

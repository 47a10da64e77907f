package com.bpo.kit.error;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Decides which {@link Problem} the caller sees for an exception. Pure mapping, no I/O: the exception mappers of
 * {@link ProblemExceptionMappers} send the result and log server errors.
 *
 * <ul>
 *   <li>{@link ProblemException}: its own status, type, title, detail and field errors.
 *   <li>Bean Validation violations of parameters and bodies: 400 {@link ProblemTypes#VALIDATION}, one
 *       {@link FieldError} per violation, sorted by field; violations of a return value are the server's fault:
 *       500.
 *   <li>JSON the body could not be bound from (wrong type, bad format, unknown property, null for a primitive):
 *       400 {@link ProblemTypes#VALIDATION} naming the JSON path; JSON that does not parse: 400
 *       {@link ProblemTypes#MALFORMED_REQUEST} with line and column.
 *   <li>{@link WebApplicationException}: its status; 401, 403 and 404 get their own types, other client errors
 *       {@code about:blank}; a message other than the default one becomes the detail.
 *   <li>Anything else: 500 {@link ProblemTypes#INTERNAL} with a fixed detail, never the exception's message.
 * </ul>
 */
public final class ProblemFactory {

    /** Longer rejected texts are left out of the answer rather than echoed. */
    static final int MAX_REJECTED_TEXT_LENGTH = 100;

    static final String INTERNAL_DETAIL =
            "The request failed because of an error on our side. Quote the request id when reporting it.";

    private final FieldPaths fieldPaths;

    public ProblemFactory(ObjectMapper objectMapper) {
        this.fieldPaths = new FieldPaths(objectMapper);
    }

    /**
     * @param instance the request path
     * @param requestId the caller's request id, or {@code null}; a server error without one gets a generated id
     */
    public Problem toProblem(Throwable failure, String instance, String requestId) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ProblemException problem) {
            return new Problem(
                    problem.type(),
                    problem.title(),
                    problem.status(),
                    problem.detail(),
                    instance,
                    problem.errors(),
                    requestId);
        }
        if (cause instanceof ConstraintViolationException violations) {
            return fromViolations(violations, instance, requestId);
        }
        if (cause instanceof WebApplicationException webApplication) {
            return fromWebApplication(webApplication, instance, requestId);
        }
        Problem unreadable = fromUnreadableBody(cause, instance, requestId);
        if (unreadable != null) {
            return unreadable;
        }
        if (cause instanceof io.quarkus.security.ForbiddenException) {
            return new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403, null, instance, List.of(), requestId);
        }
        if (cause instanceof UnauthorizedException || cause instanceof AuthenticationFailedException) {
            return new Problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401, null, instance, List.of(), requestId);
        }
        return internalError(instance, requestId);
    }

    /** The generic answer to a failure of the server: nothing about its cause leaves the service. */
    public static Problem internalError(String instance, String requestId) {
        return new Problem(
                ProblemTypes.INTERNAL,
                "Internal server error",
                500,
                INTERNAL_DETAIL,
                instance,
                List.of(),
                requestId == null ? UUID.randomUUID().toString() : requestId);
    }

    private Problem fromViolations(ConstraintViolationException exception, String instance, String requestId) {
        Set<ConstraintViolation<?>> violations = exception.getConstraintViolations();
        if (violations == null || violations.isEmpty()) {
            return invalid(List.of(), instance, requestId);
        }
        if (violations.stream().anyMatch(ProblemFactory::isReturnValueViolation)) {
            // The service broke its own contract: not the caller's fault.
            return internalError(instance, requestId);
        }
        List<FieldError> errors = violations.stream()
                .map(violation -> new FieldError(
                        fieldPaths.ofViolation(violation),
                        violation.getMessage(),
                        rejectedValue(violation.getInvalidValue())))
                .sorted(Comparator.comparing(FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(FieldError::message, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return invalid(errors, instance, requestId);
    }

    private static boolean isReturnValueViolation(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(Path.Node::getKind)
                .anyMatch(ElementKind.RETURN_VALUE::equals);
    }

    private Problem fromWebApplication(WebApplicationException exception, String instance, String requestId) {
        int status = exception.getResponse().getStatus();
        if (status == 400 && exception.getCause() != null) {
            // Quarkus REST wraps JSON that does not parse in a plain 400.
            Problem unreadable = fromUnreadableBody(exception.getCause(), instance, requestId);
            if (unreadable != null) {
                return unreadable;
            }
        }
        if (status >= 500) {
            return internalError(instance, requestId);
        }
        String detail = customMessage(exception, status);
        return switch (status) {
            case 401 -> new Problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401, detail, instance, null, requestId);
            case 403 -> new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403, detail, instance, null, requestId);
            case 404 -> new Problem(ProblemTypes.NOT_FOUND, "Not found", 404, detail, instance, null, requestId);
            default ->
                new Problem(ProblemTypes.ABOUT_BLANK, reasonPhrase(status), status, detail, instance, null, requestId);
        };
    }

    /** The message of a {@link WebApplicationException} unless it is the default "HTTP 404 Not Found". */
    private static String customMessage(WebApplicationException exception, int status) {
        String message = exception.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP " + status)) {
            return null;
        }
        return message;
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    /** A problem for a body Jackson could not read, or {@code null} if {@code cause} is no such failure. */
    private static Problem fromUnreadableBody(Throwable cause, String instance, String requestId) {
        if (cause instanceof InvalidDefinitionException) {
            return null; // a type Jackson cannot handle is a server bug, not bad input
        }
        if (cause instanceof MismatchedInputException mismatch) {
            Object rejected =
                    mismatch instanceof InvalidFormatException format ? rejectedValue(format.getValue()) : null;
            return invalid(
                    List.of(new FieldError(FieldPaths.ofJson(mismatch.getPath()), bindingMessage(mismatch), rejected)),
                    instance,
                    requestId);
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            // A record's compact constructor rejected the value; IllegalArgumentException carries its rule.
            String message =
                    instantiation.getCause() instanceof IllegalArgumentException rule && rule.getMessage() != null
                            ? rule.getMessage()
                            : "has an invalid value";
            return invalid(
                    List.of(FieldError.of(FieldPaths.ofJson(instantiation.getPath()), message)), instance, requestId);
        }
        if (cause instanceof JsonMappingException mapping) {
            return invalid(
                    List.of(FieldError.of(FieldPaths.ofJson(mapping.getPath()), "could not be read")),
                    instance,
                    requestId);
        }
        if (cause instanceof StreamReadException unparsable) {
            String where = unparsable.getLocation() == null
                    ? ""
                    : " (line " + unparsable.getLocation().getLineNr() + ", column "
                            + unparsable.getLocation().getColumnNr() + ")";
            return new Problem(
                    ProblemTypes.MALFORMED_REQUEST,
                    "Malformed request",
                    400,
                    "The request body is not valid JSON" + where + ".",
                    instance,
                    List.of(),
                    requestId);
        }
        return null;
    }

    private static Problem invalid(List<FieldError> errors, String instance, String requestId) {
        String detail = errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.";
        return new Problem(ProblemTypes.VALIDATION, "Invalid request", 400, detail, instance, errors, requestId);
    }

    private static String bindingMessage(MismatchedInputException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        if (exception instanceof IgnoredPropertyException) {
            return "cannot be set";
        }
        if (exception instanceof InvalidNullException) {
            return "must not be null";
        }
        Class<?> target = exception.getTargetType();
        if (exception instanceof InvalidFormatException) {
            return target == null ? "has an invalid value" : "has an invalid value, expected " + describe(target);
        }
        // Also what Jackson reports for null in a primitive, so the wording must fit both.
        return target == null ? "has the wrong JSON type" : "must be " + describe(target);
    }

    /** What a JSON value of {@code type} looks like, in the caller's words rather than Java class names. */
    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == byte.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == Byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 timestamp with offset, such as 2026-11-23T10:15:30+08:00";
        }
        if (type == LocalDateTime.class) {
            return "an ISO-8601 local date-time, such as 2026-11-23T10:15:30";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date, such as 2026-11-23";
        }
        if (type == LocalTime.class) {
            return "an ISO-8601 time, such as 10:15:30";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration, such as PT30S";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "a time zone id, such as Asia/Shanghai";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** Simple values are echoed to help the caller; objects, collections and long texts are not. */
    static Object rejectedValue(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof CharSequence || value instanceof Character) {
            String text = value.toString();
            return text.length() > MAX_REJECTED_TEXT_LENGTH ? null : text;
        }
        if (value instanceof TemporalAccessor || value instanceof Duration || value instanceof UUID) {
            return value.toString();
        }
        return null;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException
                        || current instanceof ExecutionException
                        || current instanceof InvocationTargetException
                        || current instanceof UndeclaredThrowableException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}

package com.bpo.kit.error;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A business rule refused the request; answered as a problem with the given status, type and title, and the
 * message as its detail. The message is shown to the caller: it must carry neither internals nor personal data.
 *
 * <p>It has no stack trace: it reports an expected outcome, not a fault, and services throw it often.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final URI type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, URI type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem status is 4xx or 5xx, was " + status);
        }
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.errors = List.copyOf(errors);
    }

    /** 409: the request conflicts with the current state (a duplicate, a stale version, a closed ticket). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", detail, List.of());
    }

    /** 422: the request is well-formed but a business rule forbids it, optionally naming the fields involved. */
    public static ProblemException businessRule(String detail, FieldError... errors) {
        return new ProblemException(422, ProblemTypes.BUSINESS_RULE, "Business rule violated", detail, List.of(errors));
    }

    /** 400: fields are wrong in a way Bean Validation cannot express, such as a date range that ends before it starts. */
    public static ProblemException invalid(String detail, FieldError... errors) {
        return new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", detail, List.of(errors));
    }

    /** 404: nothing with that id exists within the caller's scope. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", detail, List.of());
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}

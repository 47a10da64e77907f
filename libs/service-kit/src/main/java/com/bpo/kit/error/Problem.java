package com.bpo.kit.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, sent as {@value #MEDIA_TYPE}.
 *
 * @param type what kind of problem this is: one of {@link ProblemTypes}, or {@code about:blank} when the status
 *     says all there is to say
 * @param title a short summary of the type, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong this time, for the caller to read; never internals or personal data
 * @param instance the request path (without query string, which may carry personal data)
 * @param errors the fields that are wrong, for validation problems
 * @param requestId the caller's {@code X-Request-Id}, or for a server error an id generated to find it in the logs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}

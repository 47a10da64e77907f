package com.bpo.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;

/**
 * An RFC 9457 problem detail, in the same shape as the services' (the service kit's {@code Problem}), so a client
 * reads the gateway's errors and the services' alike. The kit itself is not used: it brings a datasource and Kafka.
 *
 * @param type what kind of problem this is ({@code urn:bpo:problem:<name>})
 * @param title a short summary of the type, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong this time; never internals
 * @param instance the request path, without the query string (which may carry personal data)
 * @param requestId the request's {@code X-Request-Id}, also sent as a header
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
}

package com.bpo.gateway.problem;

import java.net.URI;

/** The problems the gateway answers itself; the first five are the platform's, the others the gateway's own. */
public enum ProblemType {
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not Found"),
    REQUEST_TOO_LARGE(413, "request-too-large", "Request Too Large"),
    RATE_LIMITED(429, "rate-limited", "Too Many Requests"),
    BAD_GATEWAY(502, "bad-gateway", "Bad Gateway"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service Unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway Timeout");

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String name, String title) {
        this.status = status;
        this.type = URI.create("urn:bpo:problem:" + name);
        this.title = title;
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
}

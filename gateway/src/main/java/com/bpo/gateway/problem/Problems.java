package com.bpo.gateway.problem;

import com.bpo.gateway.proxy.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes the gateway's own error answers as {@code application/problem+json}. */
@ApplicationScoped
public class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Ends the response with the problem; extra headers ({@code Retry-After}, {@code WWW-Authenticate}) are set by
     * the caller before.
     */
    public Future<Void> send(RoutingContext context, ProblemType type, String detail) {
        HttpServerResponse response = context.response();
        Problem problem = new Problem(
                type.type(),
                type.title(),
                type.status(),
                detail,
                context.request().path(),
                RequestIds.of(context));
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
        return response.setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}

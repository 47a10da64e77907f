package com.bpo.gateway.proxy;

import com.bpo.gateway.config.GatewayConfig;
import com.bpo.gateway.console.ConsoleSettings;
import com.bpo.gateway.console.ConsoleSignIn;
import com.bpo.gateway.console.ContentSecurityPolicy;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer carries, whoever wrote it (a service, the gateway's own errors, health and metrics): the
 * browser hardening headers, and on API answers {@code Cache-Control: no-store} and the request id. They are set
 * just before the headers go out, so a service's own values cannot weaken them. The console signs in from the browser
 * (authorization code with PKCE), so Keycloak's origin joins {@code connect-src}, and nothing else does.
 */
@ApplicationScoped
public class ResponseHeaders {

    /** Before Quarkus' own handlers, so even answers they write get the headers. */
    private static final int PRIORITY = 1000;

    private final String contentSecurityPolicy;

    public ResponseHeaders(GatewayConfig config, ConsoleSignIn consoleSignIn) {
        this.contentSecurityPolicy = consoleSignIn
                .settings()
                .map(ConsoleSettings::keycloakOrigin)
                .map(origin -> ContentSecurityPolicy.withSource(config.contentSecurityPolicy(), "connect-src", origin))
                .orElse(config.contentSecurityPolicy());
    }

    void register(@Observes Filters filters) {
        filters.register(this::addOnHeadersEnd, PRIORITY);
    }

    private void addOnHeadersEnd(RoutingContext context) {
        boolean api = context.request().path().startsWith("/api/");
        String requestId = api ? RequestIds.assign(context) : null;
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", contentSecurityPolicy);
            if (api) {
                headers.set("Cache-Control", "no-store");
                headers.set(RequestIds.HEADER, requestId);
            }
        });
        context.next();
    }
}

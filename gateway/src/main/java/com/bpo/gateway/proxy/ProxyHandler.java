package com.bpo.gateway.proxy;

import com.bpo.gateway.config.GatewayConfig;
import com.bpo.gateway.problem.ProblemType;
import com.bpo.gateway.problem.Problems;
import com.bpo.gateway.ratelimit.RateLimiter;
import com.bpo.gateway.routing.Route;
import com.bpo.gateway.routing.RouteTable;
import com.bpo.gateway.security.PlatformRoles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The gateway's handler for {@code /api/**}: checks the bearer token, the caller's platform role and the client's
 * rate limit, finds the owning service and streams the exchange to it and back. Bodies are never held whole: the
 * request is piped to the service and the answer piped back, each with back-pressure, so a 10,000-record batch or a
 * large export costs the gateway a few buffers.
 *
 * <p>Outcomes, also counted in {@code bpo.gateway.requests{route, outcome}}: 401, 403, 429, 404, 413, 503 (the
 * service refused the connection, did not accept it within the connect timeout, or its breaker is open), 504 (no
 * answer within the request timeout), 502 (the connection broke before an answer). When it breaks after the answer
 * began, the status is already sent: the gateway resets the client's connection so the truncated body cannot pass
 * for a complete one.
 */
@ApplicationScoped
public class ProxyHandler {

    private static final String REALM_CHALLENGE = "Bearer realm=\"bpo\"";
    private static final String INVALID_TOKEN_CHALLENGE =
            "Bearer realm=\"bpo\", error=\"invalid_token\", error_description=\"The access token is not valid\"";

    private static final BiConsumer<RoutingContext, Throwable> IGNORE_AUTH_FAILURE = (context, failure) -> {};

    private final RouteTable routes;
    private final Downstreams downstreams;
    private final RateLimiter rateLimiter;
    private final Problems problems;
    private final IdentityProviderManager identities;
    private final MeterRegistry registry;
    private final long maxBodySize;
    private final long connectTimeoutMillis;
    private final long requestTimeoutMillis;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    public ProxyHandler(
            GatewayConfig config,
            RouteTable routes,
            Downstreams downstreams,
            RateLimiter rateLimiter,
            Problems problems,
            IdentityProviderManager identities,
            MeterRegistry registry) {
        this.routes = routes;
        this.downstreams = downstreams;
        this.rateLimiter = rateLimiter;
        this.problems = problems;
        this.identities = identities;
        this.registry = registry;
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.connectTimeoutMillis = config.downstream().connectTimeout().toMillis();
        this.requestTimeoutMillis = config.downstream().requestTimeout().toMillis();
    }

    /**
     * Refuses a body declared too large before anything else reads it; it runs ahead of Quarkus' own size check,
     * which would answer without a problem body.
     */
    public void refuseDeclaredOversize(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && parseLength(declared) > maxBodySize) {
            refuseTooLarge(context, "none");
            return;
        }
        context.next();
    }

    public void handle(RoutingContext context) {
        // Nothing of the body may flow before the service's connection is there to take it.
        context.request().pause();
        RequestIds.assign(context);
        // Quarkus would answer a bad token itself (401 without a body); the failure below answers it instead.
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, IGNORE_AUTH_FAILURE);
        Context vertxContext = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(context, identities)
                .subscribe()
                .with(
                        identity -> onContext(vertxContext, () -> authenticated(context, identity)),
                        failure -> onContext(vertxContext, () -> notAuthenticated(context, failure)));
    }

    private void notAuthenticated(RoutingContext context, Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            context.response().putHeader("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
            answer(context, "none", "unauthorized", ProblemType.UNAUTHORIZED, "The bearer token is not valid.");
        } else {
            // One line per request, no stack trace: while Keycloak is away this happens for every request.
            Log.warnf("Could not verify the token of %s: %s", RequestIds.of(context), failure.toString());
            answer(
                    context,
                    "none",
                    "unverifiable",
                    ProblemType.SERVICE_UNAVAILABLE,
                    "Tokens cannot be verified at the moment; retry later.");
        }
    }

    private void authenticated(RoutingContext context, SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            context.response().putHeader("WWW-Authenticate", REALM_CHALLENGE);
            answer(context, "none", "unauthorized", ProblemType.UNAUTHORIZED, "A bearer token is required.");
            return;
        }
        if (!PlatformRoles.holdsAny(identity.getRoles())) {
            answer(context, "none", "forbidden", ProblemType.FORBIDDEN, "The token holds no role of the platform.");
            return;
        }
        long retryAfter = rateLimiter.acquire(clientId(identity));
        if (retryAfter > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            answer(
                    context,
                    "none",
                    "rate-limited",
                    ProblemType.RATE_LIMITED,
                    "Too many requests from this client; retry after " + retryAfter + " s.");
            return;
        }
        String path = context.normalizedPath();
        Optional<Route> owner = routes.owner(path);
        if (owner.isEmpty()) {
            answer(context, "none", "not-found", ProblemType.NOT_FOUND, "No service serves " + path + ".");
            return;
        }
        Route route = owner.get();
        CircuitBreaker breaker = downstreams.breaker(route);
        if (!breaker.tryAcquire()) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(breaker.secondsUntilProbe()));
            answer(context, route.name(), "circuit-open", ProblemType.SERVICE_UNAVAILABLE, unavailable(route));
            return;
        }
        new Exchange(context, route, breaker).start();
    }

    /** One request on its way to a service and back. Runs on the request's event loop throughout. */
    private final class Exchange {

        private final RoutingContext context;
        private final HttpServerRequest in;
        private final HttpServerResponse out;
        private final Route route;
        private final CircuitBreaker breaker;
        private HttpClientRequest upstream;
        private boolean answered;
        private boolean verdictGiven;
        private boolean uploadDone;
        private boolean uploadStalled;
        private long lastUploadProgress;

        Exchange(RoutingContext context, Route route, CircuitBreaker breaker) {
            this.context = context;
            this.in = context.request();
            this.out = context.response();
            this.route = route;
            this.breaker = breaker;
        }

        void start() {
            downstreams.client().request(requestOptions()).onComplete(connected -> {
                if (connected.failed()) {
                    failed(connected.cause());
                    return;
                }
                upstream = connected.result();
                // Failures arrive through the answer's future; this only keeps Vert.x from logging them as errors.
                upstream.exceptionHandler(failure ->
                        Log.debugf(failure, "Request %s to %s failed", RequestIds.of(context), route.name()));
                upstream.response().onComplete(answer -> {
                    if (answer.succeeded()) {
                        relay(answer.result());
                    } else {
                        failed(answer.cause());
                    }
                });
                sendBody();
            });
        }

        private RequestOptions requestOptions() {
            URI base = route.url();
            boolean tls = "https".equals(base.getScheme());
            int port = base.getPort() != -1 ? base.getPort() : tls ? 443 : 80;
            String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            String query = in.query();
            return new RequestOptions()
                    .setMethod(in.method())
                    .setHost(base.getHost())
                    .setPort(port)
                    .setSsl(tls)
                    .setURI(basePath + context.normalizedPath() + (query == null ? "" : "?" + query))
                    .setConnectTimeout(connectTimeoutMillis)
                    .setHeaders(forwardedHeaders());
        }

        private MultiMap forwardedHeaders() {
            MultiMap incoming = in.headers();
            Set<String> hopByHop = HopByHop.of(incoming);
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            incoming.forEach((name, value) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                // Host is the service's; Expect is answered here; forwarding headers are rewritten below.
                if (!hopByHop.contains(lower)
                        && !lower.equals("host")
                        && !lower.equals("expect")
                        && !lower.equals("forwarded")
                        && !lower.startsWith("x-forwarded-")) {
                    headers.add(name, value);
                }
            });
            headers.set(RequestIds.HEADER, RequestIds.of(context));
            if (in.remoteAddress() != null) {
                headers.set("X-Forwarded-For", in.remoteAddress().hostAddress());
            }
            headers.set("X-Forwarded-Proto", in.scheme());
            HostAndPort authority = in.authority();
            if (authority != null) {
                headers.set(
                        "X-Forwarded-Host",
                        authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host());
            }
            return headers;
        }

        /**
         * The request timeout is a limit on silence, not on duration: while the body goes up, on the body making
         * no progress (a stalled client, or a service that stopped reading); once it is up, on the service
         * sending nothing (Vert.x' idle timeout, which counts only received data and so cannot run during the
         * upload: a large body on a slow link would be cut off).
         */
        private void sendBody() {
            if (!hasBody()) {
                upstream.end();
                uploaded();
                return;
            }
            if (!in.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                upstream.setChunked(true);
            }
            if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
                out.writeContinue();
            }
            LimitedBody body = new LimitedBody(in, maxBodySize, maxBodySize, this::bodyTooLarge, this::uploadProgress);
            uploadProgress();
            watchUpload();
            // Not ended on failure: a body cut short must not reach the service as if it were complete.
            body.pipe()
                    .endOnFailure(false)
                    .to(upstream)
                    .onSuccess(ignored -> uploaded())
                    .onFailure(failure -> {
                        // The client went away or the service stopped reading: either way this says nothing sure about
                        // the service's health, and the half-sent request must not look complete to it.
                        verdict(null);
                        upstream.reset(0, failure);
                    });
        }

        private void uploaded() {
            uploadDone = true;
            upstream.idleTimeout(requestTimeoutMillis);
        }

        private void uploadProgress() {
            lastUploadProgress = System.nanoTime();
        }

        private void watchUpload() {
            long silentMillis = (System.nanoTime() - lastUploadProgress) / 1_000_000;
            long remaining = requestTimeoutMillis - silentMillis;
            if (uploadDone || answered) {
                return;
            }
            if (remaining > 0) {
                context.vertx().setTimer(remaining, ignored -> watchUpload());
                return;
            }
            uploadStalled = true;
            upstream.reset(0, new TimeoutException("request body made no progress for " + silentMillis + " ms"));
        }

        private boolean hasBody() {
            if (in.version() == HttpVersion.HTTP_2) {
                return !in.isEnded();
            }
            String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                return parseLength(length) > 0;
            }
            return in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        }

        private void bodyTooLarge() {
            boolean answerStarted = answered;
            // Claimed before the reset below, which fails the service's answer at once.
            answered = true;
            verdict(null);
            if (upstream != null) {
                upstream.reset();
            }
            if (answerStarted) {
                // The service answered early and its answer is streaming: nothing honest is left to send.
                out.reset();
                count("too-large");
                return;
            }
            Connections.announceClose(in);
            problems.send(context, ProblemType.REQUEST_TOO_LARGE, tooLarge());
            count("too-large");
            // The body keeps being read and discarded by LimitedBody; the connection closes at its end.
        }

        private void relay(HttpClientResponse answer) {
            verdict(true);
            if (answered) {
                answer.request().reset();
                return;
            }
            answered = true;
            out.setStatusCode(answer.statusCode());
            out.setStatusMessage(answer.statusMessage());
            Set<String> hopByHop = HopByHop.of(answer.headers());
            answer.headers().forEach((name, value) -> {
                if (!hopByHop.contains(name.toLowerCase(Locale.ROOT))) {
                    out.headers().add(name, value);
                }
            });
            if (mayHaveBody(answer) && !answer.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                out.setChunked(true);
            }
            count("proxied");
            answer.pipe().endOnFailure(false).to(out).onFailure(failure -> {
                // Status and part of the body are out; resetting both sides is the only honest end.
                Log.debugf(failure, "Answer of %s from %s broke off", RequestIds.of(context), route.name());
                count("broken");
                out.reset();
                answer.request().reset();
            });
        }

        /** Whether an answer of unknown length must go chunked (never for HEAD, 204, 304, nor to HTTP/1.0). */
        private boolean mayHaveBody(HttpClientResponse answer) {
            int status = answer.statusCode();
            return in.method() != HttpMethod.HEAD
                    && status != 204
                    && status != 304
                    && in.version() != HttpVersion.HTTP_1_0;
        }

        private void failed(Throwable failure) {
            verdict(false);
            if (answered) {
                return;
            }
            if (failure instanceof TimeoutException || uploadStalled) {
                answer(
                        context,
                        route.name(),
                        "timeout",
                        ProblemType.GATEWAY_TIMEOUT,
                        "The " + route.name() + " service did not answer in time.");
            } else if (upstream == null) {
                // No connection: refused, not accepted within the connect timeout, or the pool's queue is full.
                answer(context, route.name(), "unavailable", ProblemType.SERVICE_UNAVAILABLE, unavailable(route));
            } else {
                answer(
                        context,
                        route.name(),
                        "bad-gateway",
                        ProblemType.BAD_GATEWAY,
                        "The " + route.name() + " service closed the connection without an answer.");
            }
            answered = true;
            Log.debugf(failure, "Exchange %s with %s failed", RequestIds.of(context), route.name());
        }

        private void count(String outcome) {
            ProxyHandler.this.count(route.name(), outcome);
        }

        /** Tells the breaker once: {@code true} the service answered, {@code false} it failed, null no verdict. */
        private void verdict(Boolean serviceAnswered) {
            if (verdictGiven) {
                return;
            }
            verdictGiven = true;
            if (serviceAnswered == null) {
                breaker.onAbandoned();
            } else if (serviceAnswered) {
                breaker.onSuccess();
            } else {
                breaker.onFailure();
            }
        }
    }

    private void refuseTooLarge(RoutingContext context, String route) {
        HttpServerRequest request = context.request();
        Connections.announceClose(request);
        answer(context, route, "too-large", ProblemType.REQUEST_TOO_LARGE, tooLarge());
        Connections.discardBodyThenDrop(request, maxBodySize);
    }

    private String tooLarge() {
        return "The request body is larger than " + maxBodySize + " bytes.";
    }

    private static String unavailable(Route route) {
        return "The " + route.name() + " service is unavailable; retry later.";
    }

    /**
     * Answers a request the gateway does not pass on. A body the request may still carry is read and discarded, so
     * the connection stays usable for the client's next request.
     */
    private void answer(RoutingContext context, String route, String outcome, ProblemType type, String detail) {
        count(route, outcome);
        problems.send(context, type, detail);
        if (type != ProblemType.REQUEST_TOO_LARGE) {
            Connections.discardBody(context.request(), maxBodySize);
        }
    }

    private void count(String route, String outcome) {
        outcomes.computeIfAbsent(route + '\n' + outcome, key -> Counter.builder("bpo.gateway.requests")
                        .description("API requests by owning route and what the gateway did with them")
                        .tag("route", route)
                        .tag("outcome", outcome)
                        .register(registry))
                .increment();
    }

    private static String clientId(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String azp = token.getClaim("azp");
            if (azp != null && !azp.isBlank()) {
                return azp;
            }
        }
        // Keycloak always sets azp; a token without one shares a single bucket rather than getting its own.
        return "unknown";
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}

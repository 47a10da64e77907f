package com.bpo.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Everything the gateway does is configuration: which service owns which paths, and the limits it enforces. */
@ConfigMapping(prefix = "bpo.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name ({@code agent}, {@code analytics}, ...). */
    Map<String, RouteConfig> routes();

    /** Larger request bodies answer 413, whether declared by {@code Content-Length} or streamed in chunks. */
    @WithDefault("16M")
    MemorySize maxBodySize();

    /** Sent on every response; the API and a console served from the same origin, nothing from elsewhere. */
    @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
    String contentSecurityPolicy();

    DownstreamConfig downstream();

    CircuitBreakerConfig circuitBreaker();

    RateLimitConfig rateLimit();

    OpenApiConfig openapi();

    ConsoleConfig console();

    /** One service: where it is and the path prefixes it owns. */
    interface RouteConfig {

        /** Base URL of the service, e.g. {@code http://127.0.0.1:8081}. */
        URI url();

        /** Path prefixes, e.g. {@code /api/v1/brands}; a prefix owns itself and everything below it. */
        List<String> paths();
    }

    interface DownstreamConfig {

        /** A service that does not accept a connection within this time counts as down (503). */
        @WithDefault("PT1S")
        Duration connectTimeout();

        /** Longest silence from a service (no answer, no body bytes) before the exchange is given up (504). */
        @WithDefault("PT30S")
        Duration requestTimeout();

        /** Open connections per service; further requests wait in the pool's queue. */
        @WithDefault("200")
        int maxConnections();
    }

    interface CircuitBreakerConfig {

        /** Consecutive failed exchanges (no connection, timeout, broken answer) that open a route's breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before it lets one probe request through. */
        @WithDefault("PT5S")
        Duration openDuration();
    }

    interface RateLimitConfig {

        /** Requests per second a client may sustain. */
        @WithDefault("200")
        double rate();

        /** Requests a client may send at once after being idle. */
        @WithDefault("400")
        int burst();

        /** Overrides per client id (the token's {@code azp}). */
        Map<String, ClientBucketConfig> clients();

        /** Buckets kept at most; the least recently used go first. */
        @WithDefault("10000")
        int maxClients();

        /** A bucket unused for this long is dropped (it would be full again anyway). */
        @WithDefault("PT10M")
        Duration idleEviction();
    }

    /** What a client gets instead of the defaults; an absent value keeps the default. */
    interface ClientBucketConfig {

        OptionalDouble rate();

        OptionalInt burst();
    }

    interface OpenApiConfig {

        /** How long the merged document is served before the services are asked again. */
        @WithDefault("PT30S")
        Duration cacheFor();

        /** Title of the merged document. */
        @WithDefault("BPO customer-service platform API")
        String title();

        /** Version of the merged document; defaults to the application version. */
        Optional<String> version();
    }

    /** The web console the gateway serves (module {@code console}) and how it signs people in. */
    interface ConsoleConfig {

        /**
         * The realm as the browser reaches it, e.g. {@code https://login.example.com/realms/bpo}, when that is not
         * the realm URL the gateway checks tokens with ({@code quarkus.oidc.auth-server-url}, the default).
         */
        Optional<URI> authServerUrl();

        /** The public client of the console (authorization code with PKCE). */
        @WithDefault("bpo-console")
        String clientId();
    }
}

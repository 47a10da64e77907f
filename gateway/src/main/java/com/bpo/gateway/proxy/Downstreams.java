package com.bpo.gateway.proxy;

import com.bpo.gateway.config.GatewayConfig;
import com.bpo.gateway.routing.Route;
import com.bpo.gateway.routing.RouteTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connections to the services: one HTTP client (a connection pool per service) and one circuit breaker per
 * route. Gauge {@code bpo.gateway.circuit.open{route}} is 1 while a route's breaker refuses requests.
 */
@ApplicationScoped
public class Downstreams {

    private final HttpClient client;
    private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();

    public Downstreams(Vertx vertx, GatewayConfig config, RouteTable routes, MeterRegistry registry) {
        GatewayConfig.DownstreamConfig downstream = config.downstream();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) downstream.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        // The services' bodies pass through untouched, compressed or not.
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(downstream.maxConnections()));
        GatewayConfig.CircuitBreakerConfig breaker = config.circuitBreaker();
        for (Route route : routes.routes()) {
            CircuitBreaker routeBreaker =
                    new CircuitBreaker(breaker.failureThreshold(), breaker.openDuration(), System::nanoTime);
            breakers.put(route.name(), routeBreaker);
            Gauge.builder(
                            "bpo.gateway.circuit.open",
                            routeBreaker,
                            b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .description("1 while the route's circuit breaker is open or probing, 0 when closed")
                    .tag("route", route.name())
                    .register(registry);
        }
    }

    public HttpClient client() {
        return client;
    }

    public CircuitBreaker breaker(Route route) {
        CircuitBreaker breaker = breakers.get(route.name());
        if (breaker == null) {
            throw new IllegalArgumentException("unknown route " + route.name());
        }
        return breaker;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}

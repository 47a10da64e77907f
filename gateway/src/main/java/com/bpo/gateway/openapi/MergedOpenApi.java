package com.bpo.gateway.openapi;

import com.bpo.gateway.config.GatewayConfig;
import com.bpo.gateway.proxy.Downstreams;
import com.bpo.gateway.routing.Route;
import com.bpo.gateway.routing.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /api/openapi}: the platform's API in one OpenAPI document, merged from each service's
 * {@code /q/openapi?format=json} (see {@link OpenApiMerge}). The merged document is kept for {@code cache-for}, and
 * concurrent callers share one refresh. A service that does not answer within the downstream timeouts is listed in
 * {@code x-unavailable}; the document is still served.
 */
@ApplicationScoped
public class MergedOpenApi {

    private final Vertx vertx;
    private final Downstreams downstreams;
    private final RouteTable routes;
    private final OpenApiMerge merge;
    private final ObjectMapper json;
    private final GatewayConfig config;
    private final String version;

    private Future<Buffer> current;
    private long currentUntil;

    public MergedOpenApi(
            Vertx vertx,
            Downstreams downstreams,
            RouteTable routes,
            ObjectMapper json,
            GatewayConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0") String applicationVersion) {
        this.vertx = vertx;
        this.downstreams = downstreams;
        this.routes = routes;
        this.json = json;
        this.config = config;
        this.merge = new OpenApiMerge(json, routes);
        this.version = config.openapi().version().orElse(applicationVersion);
    }

    public void handle(RoutingContext context) {
        // The shared refresh may complete on another event loop; the answer is written on the request's own.
        Context requestContext = Vertx.currentContext();
        document()
                .onComplete(result -> requestContext.runOnContext(ignored -> {
                    if (result.succeeded()) {
                        context.response()
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                                .end(result.result());
                    } else {
                        context.fail(result.cause());
                    }
                }));
    }

    /** The cached document, or a refresh that every caller arriving meanwhile shares. */
    synchronized Future<Buffer> document() {
        long now = System.nanoTime();
        if (current == null || (now - currentUntil > 0 && current.isComplete())) {
            current = refresh();
            currentUntil = now + config.openapi().cacheFor().toNanos();
        }
        return current;
    }

    private Future<Buffer> refresh() {
        List<Route> all = routes.routes();
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (Route route : all) {
            fetches.add(fetch(route));
        }
        return Future.join(fetches).transform(ignored -> {
            Map<Route, JsonNode> documents = new LinkedHashMap<>();
            Map<Route, String> unavailable = new LinkedHashMap<>();
            for (int i = 0; i < all.size(); i++) {
                Future<JsonNode> fetch = fetches.get(i);
                if (fetch.succeeded()) {
                    documents.put(all.get(i), fetch.result());
                } else {
                    Log.debugf(
                            fetch.cause(),
                            "OpenAPI of %s unavailable",
                            all.get(i).name());
                    unavailable.put(all.get(i), reason(fetch.cause()));
                }
            }
            // Merging walks whole documents: off the event loop.
            return vertx.executeBlocking(
                    () -> Buffer.buffer(json.writeValueAsBytes(
                            merge.merge(config.openapi().title(), version, documents, unavailable))),
                    false);
        });
    }

    private Future<JsonNode> fetch(Route route) {
        URI base = route.url();
        boolean tls = "https".equals(base.getScheme());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        long timeout = config.downstream().connectTimeout().toMillis()
                + Math.min(config.downstream().requestTimeout().toMillis(), TimeUnit.SECONDS.toMillis(5));
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(base.getPort() != -1 ? base.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setURI(basePath + "/q/openapi?format=json")
                .setConnectTimeout(config.downstream().connectTimeout().toMillis())
                .setIdleTimeout(timeout)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return downstreams
                .client()
                .request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body() : failed(response))
                .compose(body -> vertx.executeBlocking(() -> json.readTree(body.getBytes()), false));
    }

    private static Future<Buffer> failed(HttpClientResponse response) {
        return Future.failedFuture(new IllegalStateException("answered HTTP " + response.statusCode()));
    }

    private static String reason(Throwable failure) {
        if (failure instanceof IllegalStateException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return "did not answer";
    }
}

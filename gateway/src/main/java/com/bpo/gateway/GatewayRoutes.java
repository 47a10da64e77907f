package com.bpo.gateway;

import com.bpo.gateway.openapi.MergedOpenApi;
import com.bpo.gateway.proxy.ProxyHandler;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The gateway's routes: the size check first, the merged OpenAPI document, then everything else under /api. */
@ApplicationScoped
public class GatewayRoutes {

    private final ProxyHandler proxy;
    private final MergedOpenApi openApi;

    public GatewayRoutes(ProxyHandler proxy, MergedOpenApi openApi) {
        this.proxy = proxy;
        this.openApi = openApi;
    }

    void register(@Observes Router router) {
        // Ahead of Quarkus' own Content-Length check, which answers 413 without a problem body.
        router.route("/api/*")
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(proxy::refuseDeclaredOversize);
        router.get("/api/openapi")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(openApi::handle);
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_DEFAULT).handler(proxy::handle);
    }
}

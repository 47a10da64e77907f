package com.bpo.gateway.routing;

import com.bpo.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which service owns a path: the route with the longest prefix that covers it. */
@ApplicationScoped
public class RouteTable {

    private final List<Route> routes;
    /** Every prefix with its route, longest first, so the first that covers a path is the most specific. */
    private final List<Map.Entry<String, Route>> byPrefix;

    @Inject
    public RouteTable(GatewayConfig config) {
        this(fromConfig(config));
    }

    public RouteTable(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparing(Route::name)).toList();
        Map<String, Route> owners = new HashMap<>();
        for (Route route : this.routes) {
            for (String prefix : route.prefixes()) {
                Route previous = owners.putIfAbsent(prefix, route);
                if (previous != null) {
                    throw new IllegalArgumentException("path prefix " + prefix + " is owned by both routes "
                            + previous.name() + " and " + route.name());
                }
            }
        }
        List<Map.Entry<String, Route>> entries = new ArrayList<>(owners.entrySet());
        entries.sort(Comparator.comparing(
                        (Map.Entry<String, Route> entry) -> entry.getKey().length())
                .reversed()
                .thenComparing(Map.Entry::getKey));
        this.byPrefix = List.copyOf(entries);
    }

    /** The route owning {@code path} (already normalised: no dot segments), or empty when no route does. */
    public Optional<Route> owner(String path) {
        for (Map.Entry<String, Route> entry : byPrefix) {
            if (Route.covers(entry.getKey(), path)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** All routes, by name. */
    public List<Route> routes() {
        return routes;
    }

    private static List<Route> fromConfig(GatewayConfig config) {
        List<Route> routes = new ArrayList<>();
        config.routes()
                .forEach((name, route) ->
                        routes.add(new Route(name, baseUrl(name, route.url()), prefixes(name, route.paths()))));
        return routes;
    }

    private static URI baseUrl(String name, URI url) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("bpo.gateway.routes." + name + ".url must be an http(s) URL: " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "bpo.gateway.routes." + name + ".url must not have a query or fragment: " + url);
        }
        return url;
    }

    private static List<String> prefixes(String name, List<String> paths) {
        List<String> prefixes = new ArrayList<>();
        for (String path : paths) {
            String prefix = path.strip();
            if (!prefix.startsWith("/") || prefix.contains("..") || prefix.contains("?")) {
                throw new IllegalArgumentException(
                        "bpo.gateway.routes." + name + ".paths must hold absolute path prefixes: " + path);
            }
            // "/api/v1/chat/" and "/api/v1/chat" mean the same subtree.
            prefixes.add(
                    prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        }
        return prefixes;
    }
}

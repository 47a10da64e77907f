package com.bpo.gateway.routing;

import java.net.URI;
import java.util.List;

/**
 * One service behind the gateway.
 *
 * @param name the route's name in the configuration, also the service named in errors ({@code agent})
 * @param url the service's base URL
 * @param prefixes the path prefixes it owns
 */
public record Route(String name, URI url, List<String> prefixes) {

    public Route {
        prefixes = List.copyOf(prefixes);
    }

    /** Whether {@code prefix} covers {@code path}: the same path, or a path below it (segment by segment). */
    static boolean covers(String prefix, String path) {
        return path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/' || prefix.endsWith("/"));
    }
}

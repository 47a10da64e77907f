package com.bpo.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Headers that describe one connection (RFC 9110 section 7.6.1) and so never cross the gateway. */
final class HopByHop {

    private static final Set<String> ALWAYS = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private HopByHop() {}

    /** The hop-by-hop names of a message: the fixed ones and those its {@code Connection} header lists. */
    static Set<String> of(MultiMap headers) {
        Set<String> names = new HashSet<>(ALWAYS);
        for (String connection : headers.getAll("Connection")) {
            for (String token : connection.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}

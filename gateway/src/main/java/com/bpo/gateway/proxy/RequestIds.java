package com.bpo.gateway.proxy;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} of an exchange: the caller's when it is a sane token, else a new one. It goes to the
 * service, comes back on the response and is quoted in every problem answer, so one id follows a request through
 * the logs of the gateway and the service.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    // Ids are echoed into logs and headers: only short, plain tokens are kept, anything else is replaced.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final String KEY = RequestIds.class.getName();

    private RequestIds() {}

    /** Decides the exchange's id once and remembers it for the rest of the exchange. */
    public static String assign(RoutingContext context) {
        String id = context.get(KEY);
        if (id == null) {
            id = keepOrCreate(context.request().getHeader(HEADER));
            context.put(KEY, id);
        }
        return id;
    }

    /** The exchange's id, deciding it if nothing did yet. */
    public static String of(RoutingContext context) {
        return assign(context);
    }

    static String keepOrCreate(String offered) {
        return offered != null && SANE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }
}

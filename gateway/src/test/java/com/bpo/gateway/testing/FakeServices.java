package com.bpo.gateway.testing;

import java.util.Map;

/** The services the gateway under test routes to, by route name; {@code qa} is a port where nothing listens. */
public record FakeServices(Map<String, FakeService> byRoute) {

    public FakeService agent() {
        return byRoute.get("agent");
    }

    public FakeService analytics() {
        return byRoute.get("analytics");
    }

    public FakeService ticket() {
        return byRoute.get("ticket");
    }

    public FakeService audit() {
        return byRoute.get("audit");
    }
}

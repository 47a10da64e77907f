package com.bpo.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The services of the local stack and how each one's environment is built. */
public final class StackServices {

    /**
     * Every service of the stack, in start order (the gateway last; stopping goes in reverse). Adding a service to the
     * stack is one entry here: its database is created, it is built, started, reported and stopped with the others,
     * and the gateway gets its route URL.
     */
    public static final List<StackService> ALL = List.of(
            StackService.quarkus("agent-service", 8081, "agent", "512m", "agent", StackServices::platformService),
            // 1 GB: three KPI consumers' batches and Kafka's fetch buffers kept a 512 MB heap's young generation
            // collecting about five times a second under load (bench/README.md).
            StackService.quarkus(
                    "analytics-service", 8085, "analytics", "1g", "analytics", StackServices::platformService),
            StackService.quarkus("gateway", 8080, null, "256m", null, StackServices::gateway)
                    .builtAlsoFrom("console"));

    private StackServices() {}

    /** The service called {@code name}. */
    public static StackService named(String name) {
        return ALL.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown service '" + name + "' (known: " + String.join(", ", names()) + ")"));
    }

    public static List<String> names() {
        return ALL.stream().map(StackService::name).toList();
    }

    /** {@code services} on their ports moved by {@code offset}, in the same order. */
    public static List<StackService> withPortOffset(List<StackService> services, int offset) {
        return services.stream().map(service -> service.withPortOffset(offset)).toList();
    }

    /** The databases the services need, in list order. */
    public static List<String> databases(List<StackService> services) {
        return services.stream()
                .flatMap(service -> service.databaseName().stream())
                .distinct()
                .toList();
    }

    /** Gateway route name to service URL, for every service the gateway routes to. */
    public static Map<String, String> gatewayRoutes(List<StackService> services) {
        Map<String, String> routes = new LinkedHashMap<>();
        services.forEach(service -> service.route().ifPresent(route -> routes.put(route, service.url())));
        return routes;
    }

    /**
     * A platform service's {@code %prod} configuration: its database by the {@code BPO_<DATABASE>_DB_*} convention,
     * Kafka, the realm, and the PII master key (the kit refuses to start a service that encrypts without one).
     */
    static Map<String, String> platformService(StackService service, StackEndpoints endpoints) {
        Map<String, String> environment = new LinkedHashMap<>();
        service.databaseName()
                .ifPresent(name -> environment.putAll(endpoints.database(name).environment(name)));
        environment.put("BPO_KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        environment.put("BPO_OIDC_URL", endpoints.oidcIssuer());
        environment.put("BPO_PII_MASTER_KEY", endpoints.piiMasterKey());
        return environment;
    }

    /** The gateway's: the realm and one route URL per routed service, so a changed port reaches the gateway. */
    static Map<String, String> gateway(StackService service, StackEndpoints endpoints) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("BPO_OIDC_URL", endpoints.oidcIssuer());
        endpoints
                .gatewayRoutes()
                .forEach((route, url) -> environment.put(
                        "BPO_GATEWAY_ROUTES_" + route.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL", url));
        return environment;
    }
}

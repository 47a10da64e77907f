package com.bpo.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One service of the local stack: how to build it, run it and configure it.
 *
 * @param name the service's name, also its log file's ({@code .bpo/logs/<name>.log})
 * @param module the Maven module that packages it, relative to the repository root
 * @param builtAlsoFrom other modules whose sources go into its jar besides the shared libraries (the gateway serves
 *     the console's files), relative to the repository root
 * @param runnerJar its Quarkus fast-jar, relative to the repository root
 * @param port its HTTP port: the fixed one of ARCHITECTURE section 8, plus the stack's port offset
 * @param database its PostgreSQL database, or null for none
 * @param maxHeap its JVM's {@code -Xmx}
 * @param gatewayRoute the gateway's route name for it ({@code BPO_GATEWAY_ROUTES_<ROUTE>_URL}), or null if the gateway
 *     does not route to it
 * @param environment builds the variables its {@code %prod} configuration reads
 */
public record StackService(
        String name,
        String module,
        List<String> builtAlsoFrom,
        Path runnerJar,
        int port,
        String database,
        String maxHeap,
        String gatewayRoute,
        EnvironmentBuilder environment) {

    /** Builds a service's environment variables from the running stack. */
    @FunctionalInterface
    public interface EnvironmentBuilder {
        Map<String, String> build(StackService service, StackEndpoints endpoints);
    }

    public StackService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        builtAlsoFrom = List.copyOf(builtAlsoFrom);
        Objects.requireNonNull(runnerJar, "runnerJar");
        Objects.requireNonNull(maxHeap, "maxHeap");
        Objects.requireNonNull(environment, "environment");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException(name + ": port out of range: " + port);
        }
    }

    /** A Quarkus service packaged by the module of the same name as {@code <module>/target/quarkus-app/quarkus-run.jar}. */
    public static StackService quarkus(
            String name,
            int port,
            String database,
            String maxHeap,
            String gatewayRoute,
            EnvironmentBuilder environment) {
        return new StackService(
                name,
                name,
                List.of(),
                Path.of(name, "target", "quarkus-app", "quarkus-run.jar"),
                port,
                database,
                maxHeap,
                gatewayRoute,
                environment);
    }

    /** The same service on its port moved by {@code offset} ({@code BPO_STACK_PORT_OFFSET}). */
    public StackService withPortOffset(int offset) {
        return new StackService(
                name, module, builtAlsoFrom, runnerJar, port + offset, database, maxHeap, gatewayRoute, environment);
    }

    /** The same service, whose jar is also built from the sources of {@code modules}. */
    public StackService builtAlsoFrom(String... modules) {
        return new StackService(
                name, module, List.of(modules), runnerJar, port, database, maxHeap, gatewayRoute, environment);
    }

    public Optional<String> databaseName() {
        return Optional.ofNullable(database);
    }

    public Optional<String> route() {
        return Optional.ofNullable(gatewayRoute);
    }

    /** The base URL it answers on, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Map<String, String> environmentFor(StackEndpoints endpoints) {
        return environment.build(this, endpoints);
    }
}

package com.bpo.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the supervisor starts one service: everything resolved, so the supervisor needs nothing but this.
 *
 * @param name the service's name
 * @param runnerJar its fast-jar (absolute)
 * @param port its HTTP port
 * @param maxHeap its {@code -Xmx}
 * @param environment its environment variables (credentials included: the plan reaches the supervisor through a
 *     pipe, never a file)
 * @param logFile its log file (absolute)
 */
public record ServiceLaunch(
        String name, Path runnerJar, int port, String maxHeap, Map<String, String> environment, Path logFile) {

    public ServiceLaunch {
        environment = Map.copyOf(environment);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The launches of {@code services} against the running servers. */
    public static List<ServiceLaunch> plan(List<StackService> services, StackEndpoints endpoints, StackPaths paths) {
        return services.stream()
                .map(service -> new ServiceLaunch(
                        service.name(),
                        paths.root().resolve(service.runnerJar()),
                        service.port(),
                        service.maxHeap(),
                        service.environmentFor(endpoints),
                        paths.serviceLog(service.name())))
                .toList();
    }
}

package com.bpo.local;

import com.bpo.infra.ServiceDatabase;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a service's environment is built from: where the servers are, the service databases, the PII master
 * key, and the URLs of the services the gateway routes to.
 *
 * @param kafkaBootstrapServers e.g. {@code 127.0.0.1:19092}
 * @param oidcIssuer the realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/bpo}
 * @param piiMasterKey base64 of the 32-byte PII master key
 * @param databases service databases by database name
 * @param gatewayRoutes base URLs of the services by gateway route name (e.g. {@code agent})
 */
public record StackEndpoints(
        String kafkaBootstrapServers,
        String oidcIssuer,
        String piiMasterKey,
        Map<String, ServiceDatabase> databases,
        Map<String, String> gatewayRoutes) {

    public StackEndpoints {
        Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
        Objects.requireNonNull(oidcIssuer, "oidcIssuer");
        Objects.requireNonNull(piiMasterKey, "piiMasterKey");
        databases = Map.copyOf(databases);
        gatewayRoutes = Map.copyOf(gatewayRoutes);
    }

    /** The database {@code name}; a service that names a database the servers did not create cannot start. */
    public ServiceDatabase database(String name) {
        return Optional.ofNullable(databases.get(name))
                .orElseThrow(() -> new StackException("PostgreSQL has no database '" + name + "'"));
    }
}

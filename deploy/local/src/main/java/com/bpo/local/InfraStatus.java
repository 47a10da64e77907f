package com.bpo.local;

import com.bpo.infra.KafkaEndpoint;
import com.bpo.infra.KeycloakEndpoint;
import com.bpo.infra.PostgresEndpoint;
import com.bpo.infra.ServiceDatabase;
import java.util.List;

/**
 * The running servers as {@code InfraCli status --json} describes them (its documented machine-readable form).
 *
 * @param kafka the broker, null if it does not run
 * @param postgres PostgreSQL with its service databases, null if it does not run
 * @param keycloak Keycloak, null if it does not run
 */
public record InfraStatus(KafkaEndpoint kafka, Postgres postgres, KeycloakEndpoint keycloak) {

    /**
     * @param endpoint the server
     * @param databases the service databases on it
     */
    public record Postgres(PostgresEndpoint endpoint, List<ServiceDatabase> databases) {

        public Postgres {
            databases = databases == null ? List.of() : List.copyOf(databases);
        }
    }

    static InfraStatus parse(String json) {
        try {
            return Json.MAPPER.readValue(json, InfraStatus.class);
        } catch (java.io.IOException e) {
            throw new StackException("cannot read the servers' status: " + e.getMessage(), e);
        }
    }

    /** The servers' endpoints, or a message naming the one that is missing. */
    public InfraStatus requireAll() {
        if (kafka == null || postgres == null || keycloak == null) {
            throw new StackException("a server is not running after the start: kafka "
                    + (kafka == null ? "down" : "up") + ", postgres " + (postgres == null ? "down" : "up")
                    + ", keycloak " + (keycloak == null ? "down" : "up") + "; see ./bpo logs kafka|postgres|keycloak");
        }
        return this;
    }
}

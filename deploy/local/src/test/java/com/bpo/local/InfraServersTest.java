package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfraServersTest {

    @Test
    void theDevelopersStackStartsTheServersOnTheFixedPortsInItsHome() {
        InfraServers servers = new InfraServers(new StackPaths(Path.of("/repo")), 0);

        assertThat(String.join(" ", servers.startArguments(List.of("agent", "analytics"))))
                .isEqualTo("start --state-dir /repo/.bpo/infra --data-dir /repo/.bpo/data"
                        + " --realm /repo/deploy/keycloak/bpo-realm.json"
                        + " --kafka-port 19092 --postgres-port 15432 --keycloak-port 8180"
                        + " --databases agent,analytics");
    }

    @Test
    void anotherStackStartsItsServersOnMovedPortsInItsOwnHome() {
        InfraServers servers = new InfraServers(new StackPaths(Path.of("/repo"), Path.of("/tmp/stack")), 20000);

        assertThat(String.join(" ", servers.startArguments(List.of("agent"))))
                .isEqualTo("start --state-dir /tmp/stack/infra --data-dir /tmp/stack/data"
                        + " --realm /repo/deploy/keycloak/bpo-realm.json"
                        + " --kafka-port 39092 --postgres-port 35432 --keycloak-port 28180"
                        + " --databases agent");
    }
}

package com.bpo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.infra.KafkaEndpoint;
import com.bpo.infra.ServiceDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = InfraTestResource.DATABASE_ARG, value = "support_quarkus"))
class InfraTestResourceQuarkusTest {

    @InjectInfra
    ServiceDatabase database;

    @InjectInfra
    KafkaEndpoint kafka;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.username")
    String datasourceUser;

    @ConfigProperty(name = "quarkus.flyway.username")
    String flywayUser;

    @ConfigProperty(name = "quarkus.devservices.enabled")
    boolean devServices;

    @Test
    void applicationIsConfiguredWithTheSharedServersAndItsDatabase() {
        assertThat(bootstrapServers).isEqualTo(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(datasourceUser).isEqualTo(database.app().username()).isEqualTo("support_quarkus_app");
        assertThat(flywayUser).isEqualTo("support_quarkus_owner");
        assertThat(devServices).isFalse();
    }

    @Test
    void staticAccessorsSeeWhatTheApplicationWasGiven() {
        assertThat(InfraTestResource.database()).isEqualTo(database);
        assertThat(InfraTestResource.kafka()).isEqualTo(kafka);
    }
}

package com.bpo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.infra.KafkaEndpoint;
import com.bpo.infra.PostgresEndpoint;
import com.bpo.infra.ServiceDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class InfraTestResourceTest {

    @Test
    void configPointsTheServiceAtKafkaAndItsOwnDatabaseAsTheAppRole() throws SQLException {
        InfraTestResource resource = new InfraTestResource();
        resource.init(Map.of(InfraTestResource.DATABASE_ARG, "Support-Config"));

        Map<String, String> config = resource.start();

        ServiceDatabase database = InfraTestResource.database();
        assertThat(database.name()).isEqualTo("support_config");
        assertThat(config)
                .containsEntry(
                        "kafka.bootstrap.servers", InfraTestResource.kafka().bootstrapServers())
                .containsEntry("quarkus.datasource.reactive.url", database.reactiveUrl())
                .containsEntry("quarkus.datasource.jdbc.url", database.jdbcUrl())
                .containsEntry("quarkus.datasource.username", "support_config_app")
                .containsEntry("quarkus.datasource.password", database.app().password())
                .containsEntry("quarkus.flyway.username", "support_config_owner")
                .containsEntry("quarkus.flyway.password", database.owner().password())
                .containsEntry("quarkus.devservices.enabled", "false")
                .containsEntry("quarkus.kafka.devservices.enabled", "false");
        assertThat(config.get("quarkus.datasource.reactive.url")).startsWith("postgresql://127.0.0.1:");
        // A fresh 32-byte PII master key per test run, never one from a committed file.
        assertThat(java.util.Base64.getDecoder().decode(config.get("bpo.pii.master-key")))
                .hasSize(32);

        try (Connection app = DriverManager.getConnection(
                        config.get("quarkus.datasource.jdbc.url"),
                        config.get("quarkus.datasource.username"),
                        config.get("quarkus.datasource.password"));
                Statement sql = app.createStatement();
                ResultSet user = sql.executeQuery("select current_user, current_database()")) {
            user.next();
            assertThat(user.getString(1)).isEqualTo("support_config_app");
            assertThat(user.getString(2)).isEqualTo("support_config");
        }
    }

    @Test
    void everyStartGivesAnEmptyDatabaseUnlessFreshIsFalse() throws SQLException {
        InfraTestResource resource = new InfraTestResource();
        resource.init(Map.of(InfraTestResource.DATABASE_ARG, "support_fresh"));
        resource.start();
        ServiceDatabase database = InfraTestResource.database();
        PostgresEndpoint postgres = InfraTestResource.postgres();
        execute(postgres, database, "create table leftover (id int)");

        InfraTestResource keeping = new InfraTestResource();
        keeping.init(Map.of(InfraTestResource.DATABASE_ARG, "support_fresh", InfraTestResource.FRESH_ARG, "false"));
        keeping.start();
        assertThat(tableCount(postgres, database)).isEqualTo(1);

        resource.start();
        assertThat(tableCount(postgres, database)).isZero();
    }

    @Test
    void injectsTheDatabaseAndEndpointsIntoAnnotatedFields() {
        InfraTestResource resource = new InfraTestResource();
        resource.init(Map.of(InfraTestResource.DATABASE_ARG, "support_inject"));
        resource.start();
        FieldsOfATest test = new FieldsOfATest();

        resource.inject(new ReflectiveInjector(test));

        assertThat(test.database).isEqualTo(InfraTestResource.database());
        assertThat(test.kafka).isEqualTo(InfraTestResource.kafka());
        assertThat(test.postgres).isEqualTo(InfraTestResource.postgres());
        assertThat(test.notAnnotated).isNull();
    }

    @Test
    void defaultDatabaseNameIsTheModuleFolderWithoutServiceSuffix() {
        // Surefire runs the tests of libs/test-support in that folder.
        assertThat(InfraTestResource.defaultDatabaseName()).isEqualTo("test_support");
        assertThat(InfraTestResource.sanitize("privacy-audit")).isEqualTo("privacy_audit");
        assertThat(InfraTestResource.sanitize("9lives")).isEqualTo("db_9lives");
    }

    private static void execute(PostgresEndpoint postgres, ServiceDatabase database, String statement)
            throws SQLException {
        try (Connection owner = postgres.connect(database.name(), database.owner());
                Statement sql = owner.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long tableCount(PostgresEndpoint postgres, ServiceDatabase database) throws SQLException {
        try (Connection owner = postgres.connect(database.name(), database.owner());
                Statement sql = owner.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static class FieldsOfATest {
        @InjectInfra
        ServiceDatabase database;

        @InjectInfra
        KafkaEndpoint kafka;

        @InjectInfra
        PostgresEndpoint postgres;

        ServiceDatabase notAnnotated;
    }

    /** What Quarkus does with a test instance, minus Quarkus. */
    private record ReflectiveInjector(Object testInstance) implements TestInjector {
        @Override
        public void injectIntoFields(Object fieldValue, Predicate<Field> predicate) {
            for (Field field : testInstance.getClass().getDeclaredFields()) {
                if (predicate.test(field)) {
                    try {
                        field.setAccessible(true);
                        field.set(testInstance, fieldValue);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}

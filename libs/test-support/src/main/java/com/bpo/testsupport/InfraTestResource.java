package com.bpo.testsupport;

import com.bpo.infra.KafkaEndpoint;
import com.bpo.infra.PostgresEndpoint;
import com.bpo.infra.ServiceDatabase;
import com.bpo.infra.SharedServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Gives a Quarkus service under test the build's shared Kafka and a fresh PostgreSQL database of its own, with
 * Dev Services switched off:
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "ticket"))
 * class TicketResourceTest { @InjectInfra ServiceDatabase database; ... }
 * }</pre>
 *
 * The service connects as the database's app role (owns nothing, cannot bypass row-level security); Flyway migrates
 * as its owner role. Without the {@code database} argument the name comes from the module folder, without a
 * {@code -service} suffix ({@code ticket-service} gives {@code ticket}). With {@code fresh=false} an existing database
 * is kept instead of being dropped and created again.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String FRESH_ARG = "fresh";

    // Quarkus runs one application per test JVM at a time; this is what that application was given.
    private static volatile Started current;

    private String databaseName;
    private boolean fresh = true;

    @Override
    public void init(Map<String, String> initArgs) {
        String configured = initArgs.get(DATABASE_ARG);
        databaseName = configured == null || configured.isBlank() ? defaultDatabaseName() : sanitize(configured);
        fresh = !"false".equalsIgnoreCase(initArgs.getOrDefault(FRESH_ARG, "true"));
    }

    @Override
    public Map<String, String> start() {
        if (databaseName == null) {
            init(Map.of());
        }
        KafkaEndpoint kafka = SharedServers.kafka();
        PostgresEndpoint postgres = SharedServers.postgres();
        ServiceDatabase database = postgres.createServiceDatabase(databaseName, fresh);
        current = new Started(kafka, postgres, database);
        return config(kafka, database);
    }

    @Override
    public void inject(TestInjector injector) {
        Started started = requireStarted();
        injector.injectIntoFields(
                started.database(), new TestInjector.AnnotatedAndMatchesType(InjectInfra.class, ServiceDatabase.class));
        injector.injectIntoFields(
                started.kafka(), new TestInjector.AnnotatedAndMatchesType(InjectInfra.class, KafkaEndpoint.class));
        injector.injectIntoFields(
                started.postgres(),
                new TestInjector.AnnotatedAndMatchesType(InjectInfra.class, PostgresEndpoint.class));
    }

    @Override
    public void stop() {
        // The servers belong to the whole build and stop when it ends; the database is dropped by the next start.
    }

    private static final String TEST_RUN_PII_MASTER_KEY = randomKey();

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The configuration a service needs for the given Kafka and database, and a PII master key for this run. */
    public static Map<String, String> config(KafkaEndpoint kafka, ServiceDatabase database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.app().username());
        config.put("quarkus.datasource.password", database.app().password());
        // Flyway takes the datasource's JDBC URL with these credentials.
        config.put("quarkus.flyway.username", database.owner().username());
        config.put("quarkus.flyway.password", database.owner().password());
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        // A key for this test run only: no PII key is ever committed, not even for tests.
        config.put("bpo.pii.master-key", TEST_RUN_PII_MASTER_KEY);
        return config;
    }

    /** The database of the running test application, e.g. for raw SQL as its owner or app role. */
    public static ServiceDatabase database() {
        return requireStarted().database();
    }

    /** The shared Kafka of the running test application. */
    public static KafkaEndpoint kafka() {
        return requireStarted().kafka();
    }

    /** The shared PostgreSQL server of the running test application. */
    public static PostgresEndpoint postgres() {
        return requireStarted().postgres();
    }

    /** The database name for the module the tests run in (surefire runs them in the module folder). */
    static String defaultDatabaseName() {
        Path folder = Path.of(System.getProperty("user.dir")).toAbsolutePath().getFileName();
        String name = folder == null ? "service" : folder.toString();
        if (name.endsWith("-service")) {
            name = name.substring(0, name.length() - "-service".length());
        }
        return sanitize(name);
    }

    /** Lower case, {@code [a-z0-9_]} only, starting with a letter: a plain PostgreSQL identifier. */
    static String sanitize(String name) {
        String cleaned = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "db_" + cleaned;
        }
        return cleaned.length() > 50 ? cleaned.substring(0, 50) : cleaned;
    }

    private static Started requireStarted() {
        Started started = current;
        if (started == null) {
            throw new IllegalStateException("InfraTestResource has not started; annotate the test with "
                    + "@QuarkusTestResource(InfraTestResource.class)");
        }
        return started;
    }

    private record Started(KafkaEndpoint kafka, PostgresEndpoint postgres, ServiceDatabase database) {}
}

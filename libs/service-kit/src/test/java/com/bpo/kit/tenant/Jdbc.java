package com.bpo.kit.tenant;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC connections to the test database with the credentials the test resource gave the application: the
 * application role (what the service runs as) and the owner role (what migrations run as).
 */
final class Jdbc {

    private Jdbc() {}

    static Connection asApplication() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                url(config),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    static Connection asOwner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                url(config),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    private static String url(Config config) {
        return config.getValue("quarkus.datasource.jdbc.url", String.class);
    }
}

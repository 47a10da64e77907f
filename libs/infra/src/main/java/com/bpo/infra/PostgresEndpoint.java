package com.bpo.infra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A running PostgreSQL server, reached as its superuser.
 *
 * @param host the address it listens on
 * @param port its port
 * @param superuser the superuser's name
 * @param superuserPassword the superuser's password
 */
public record PostgresEndpoint(String host, int port, String superuser, String superuserPassword) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,49}");

    static PostgresEndpoint from(ServerState state) {
        return new PostgresEndpoint(
                state.host(), state.port(), state.property("superuser"), state.property("superuser.password"));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** A connection as the superuser to {@code database}. */
    public Connection connect(String database) throws SQLException {
        return connect(database, new DbCredentials(superuser, superuserPassword));
    }

    /** A connection to {@code database} as the given role. */
    public Connection connect(String database, DbCredentials credentials) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", credentials.username());
        props.setProperty("password", credentials.password());
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Whether the server answers a query. */
    public boolean answers() {
        if (!Ports.accepts(host, port)) {
            return false;
        }
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            return rows.next() && rows.getInt(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The server's version string, e.g. {@code 17.6}. */
    public String serverVersion() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show server_version")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new InfraException("cannot query the PostgreSQL version on port " + port, e);
        }
    }

    /**
     * Creates (or, with {@code fresh}, drops and re-creates) database {@code name} with role {@code <name>_owner},
     * which owns the database and its schema {@code public} and runs migrations, and role {@code <name>_app}, which
     * owns nothing, cannot bypass row-level security, and gets read/write rights on everything the owner creates in
     * {@code public} through default privileges. Without {@code fresh} an existing database is kept as it is.
     * Passwords are derived from the server's superuser password, so every caller gets the same ones.
     */
    public ServiceDatabase createServiceDatabase(String name, boolean fresh) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        DbCredentials owner = new DbCredentials(name + "_owner", rolePassword(name + "_owner"));
        DbCredentials app = new DbCredentials(name + "_app", rolePassword(name + "_app"));
        try (Connection admin = connect("postgres")) {
            // Serialises concurrent callers for the same database (e.g. two test JVMs of one build).
            try (PreparedStatement lock = admin.prepareStatement("select pg_advisory_lock(hashtext(?))")) {
                lock.setString(1, "bpo-service-database:" + name);
                lock.execute();
            }
            try (Statement sql = admin.createStatement()) {
                if (fresh) {
                    sql.execute("drop database if exists " + name + " with (force)");
                    sql.execute("drop role if exists " + app.username());
                    sql.execute("drop role if exists " + owner.username());
                }
                ensureRole(admin, owner, "nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
                ensureRole(admin, app, "nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
                if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
                    sql.execute("create database " + name + " owner " + owner.username() + " encoding 'UTF8'");
                }
                sql.execute("revoke all on database " + name + " from public");
                sql.execute("grant connect, temporary on database " + name + " to " + app.username());
                sql.execute("grant all on database " + name + " to " + owner.username());
            }
            try (Connection database = connect(name);
                    Statement sql = database.createStatement()) {
                sql.execute("alter schema public owner to " + owner.username());
                sql.execute("revoke all on schema public from public");
                sql.execute("grant usage on schema public to " + app.username());
                sql.execute("alter default privileges for role " + owner.username()
                        + " in schema public grant select, insert, update, delete on tables to " + app.username());
                sql.execute("alter default privileges for role " + owner.username()
                        + " in schema public grant usage, select on sequences to " + app.username());
            }
        } catch (SQLException e) {
            throw new InfraException("cannot create service database " + name + " on port " + port, e);
        }
        return new ServiceDatabase(name, jdbcUrl(name), reactiveUrl(name), owner, app);
    }

    /** The service databases on this server: databases owned by a role named {@code <database>_owner}. */
    public List<ServiceDatabase> serviceDatabases() {
        List<ServiceDatabase> databases = new ArrayList<>();
        String query = "select d.datname from pg_database d join pg_roles r on r.oid = d.datdba"
                + " where r.rolname = d.datname || '_owner' order by d.datname";
        try (Connection admin = connect("postgres");
                Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                String name = rows.getString(1);
                databases.add(new ServiceDatabase(
                        name,
                        jdbcUrl(name),
                        reactiveUrl(name),
                        new DbCredentials(name + "_owner", rolePassword(name + "_owner")),
                        new DbCredentials(name + "_app", rolePassword(name + "_app"))));
            }
        } catch (SQLException e) {
            throw new InfraException("cannot list the service databases on port " + port, e);
        }
        return databases;
    }

    private static void ensureRole(Connection admin, DbCredentials role, String attributes) throws SQLException {
        try (Statement sql = admin.createStatement()) {
            String password = role.password().replace("'", "''");
            if (exists(admin, "select 1 from pg_roles where rolname = ?", role.username())) {
                sql.execute("alter role " + role.username() + " login " + attributes + " password '" + password + "'");
            } else {
                sql.execute("create role " + role.username() + " login " + attributes + " password '" + password + "'");
            }
        }
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private String rolePassword(String role) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(superuserPassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(role.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 24);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + host + ":" + port + ", superuser=" + superuser + "]";
    }
}

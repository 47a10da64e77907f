package com.bpo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceDatabaseTest {

    private PostgresEndpoint postgres;
    private ServiceDatabase database;

    @BeforeEach
    void createDatabase() throws SQLException {
        postgres = SharedServers.postgres();
        database = postgres.createServiceDatabase("infra_roles_test", true);
        // What a service's migration does: as the owner, a tenant table with row-level security.
        try (Connection owner = postgres.connect(database.name(), database.owner());
                Statement sql = owner.createStatement()) {
            sql.execute("create table ticket (id bigserial primary key, brand_id text not null, title text)");
            sql.execute("alter table ticket enable row level security");
            sql.execute("create policy ticket_by_brand on ticket using "
                    + "(brand_id = any (string_to_array(current_setting('app.brand_ids', true), ',')))");
        }
    }

    @Test
    void urlsAndRolesFollowTheDatabaseName() {
        assertThat(database.jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/infra_roles_test");
        assertThat(database.reactiveUrl()).isEqualTo("postgresql://127.0.0.1:" + postgres.port() + "/infra_roles_test");
        assertThat(database.owner().username()).isEqualTo("infra_roles_test_owner");
        assertThat(database.app().username()).isEqualTo("infra_roles_test_app");
        assertThat(database.app().password()).isNotEqualTo(database.owner().password());
    }

    @Test
    void environmentNamesTheVariablesAServiceReadsItsDatabaseFrom() {
        assertThat(database.environment("agent"))
                .containsEntry("BPO_AGENT_DB_URL", database.reactiveUrl())
                .containsEntry("BPO_AGENT_DB_JDBC_URL", database.jdbcUrl())
                .containsEntry("BPO_AGENT_DB_USER", "infra_roles_test_app")
                .containsEntry("BPO_AGENT_DB_PASSWORD", database.app().password())
                .containsEntry("BPO_AGENT_DB_OWNER", "infra_roles_test_owner")
                .containsEntry("BPO_AGENT_DB_OWNER_PASSWORD", database.owner().password())
                .hasSize(6);
        assertThat(database.environment("privacy-audit")).containsKey("BPO_PRIVACY_AUDIT_DB_URL");
    }

    @Test
    void appRoleSeesOnlyRowsOfTheBrandsSetInItsTransaction() throws SQLException {
        try (Connection app = postgres.connect(database.name(), database.app())) {
            app.setAutoCommit(false);
            try (Statement sql = app.createStatement()) {
                sql.execute("select set_config('app.brand_ids', 'brand-a', true)");
                sql.execute("insert into ticket (brand_id, title) values ('brand-a', 'late parcel')");
            }
            app.commit();
            try (Statement sql = app.createStatement()) {
                sql.execute("select set_config('app.brand_ids', 'brand-b', true)");
                assertThat(count(sql, "select count(*) from ticket")).isZero();
                assertThatThrownBy(() -> sql.execute("insert into ticket (brand_id, title) values ('brand-a', 'x')"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
            }
            app.rollback();
            try (Statement sql = app.createStatement()) {
                // No setting, no rows.
                assertThat(count(sql, "select count(*) from ticket")).isZero();
                sql.execute("select set_config('app.brand_ids', 'brand-a', true)");
                assertThat(count(sql, "select count(*) from ticket")).isEqualTo(1);
            }
            app.rollback();
        }
    }

    @Test
    void appRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection app = postgres.connect(database.name(), database.app());
                Statement sql = app.createStatement()) {
            try (ResultSet role = sql.executeQuery(
                    "select rolsuper, rolbypassrls, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user")) {
                assertThat(role.next()).isTrue();
                assertThat(List.of(role.getBoolean(1), role.getBoolean(2), role.getBoolean(3), role.getBoolean(4)))
                        .containsOnly(false);
            }
            assertThat(count(
                            sql,
                            "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner"
                                    + " where r.rolname = current_user"))
                    .isZero();
            assertThat(count(
                            sql,
                            "select count(*) from pg_namespace n join pg_roles r on r.oid = n.nspowner"
                                    + " where r.rolname = current_user"))
                    .isZero();
            assertThatThrownBy(() -> sql.execute("alter table ticket disable row level security"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> sql.execute("create table sneaky (id int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.execute("set row_security = off; select count(*) from ticket"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void ownerOwnsTheSchemaAndTheTablesItCreates() throws SQLException {
        try (Connection owner = postgres.connect(database.name(), database.owner());
                Statement sql = owner.createStatement()) {
            assertThat(string(sql, "select nspowner::regrole::text from pg_namespace where nspname = 'public'"))
                    .isEqualTo("infra_roles_test_owner");
            assertThat(string(sql, "select tableowner from pg_tables where tablename = 'ticket'"))
                    .isEqualTo("infra_roles_test_owner");
            assertThat(string(sql, "select datdba::regrole::text from pg_database where datname = current_database()"))
                    .isEqualTo("infra_roles_test_owner");
        }
    }

    @Test
    void appRoleGetsDataRightsOnTablesAndSequencesTheOwnerCreatesLater() throws SQLException {
        try (Connection owner = postgres.connect(database.name(), database.owner());
                Statement sql = owner.createStatement()) {
            sql.execute("create table note (id bigserial primary key, body text)");
        }
        try (Connection app = postgres.connect(database.name(), database.app());
                Statement sql = app.createStatement()) {
            sql.execute("insert into note (body) values ('first')");
            sql.execute("update note set body = 'changed'");
            assertThat(string(sql, "select body from note")).isEqualTo("changed");
            sql.execute("delete from note");
            assertThatThrownBy(() -> sql.execute("truncate note"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.execute("drop table note"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
        }
    }

    @Test
    void wrongPasswordIsRejected() {
        DbCredentials wrong = new DbCredentials(database.app().username(), "not-the-password");
        assertThatThrownBy(() -> postgres.connect(database.name(), wrong).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void freshDatabaseStartsEmptyAndKeptDatabaseKeepsItsData() throws SQLException {
        try (Connection owner = postgres.connect(database.name(), database.owner());
                Statement sql = owner.createStatement()) {
            sql.execute("insert into ticket (brand_id, title) values ('brand-a', 'kept')");
        }

        ServiceDatabase kept = postgres.createServiceDatabase(database.name(), false);
        assertThat(kept).isEqualTo(database);
        try (Connection owner = postgres.connect(kept.name(), kept.owner());
                Statement sql = owner.createStatement()) {
            assertThat(tables(sql)).containsExactly("ticket");
        }

        ServiceDatabase fresh = postgres.createServiceDatabase(database.name(), true);
        try (Connection owner = postgres.connect(fresh.name(), fresh.owner());
                Statement sql = owner.createStatement()) {
            assertThat(tables(sql)).isEmpty();
        }
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefused() {
        assertThatThrownBy(() -> postgres.createServiceDatabase("agent; drop database postgres", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postgres.createServiceDatabase("Agent", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverIsPostgresSeventeen() {
        assertThat(postgres.serverVersion()).startsWith("17.");
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String string(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> tables(Statement sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}

package com.bpo.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Row-level security seen from raw SQL as the application's database role, with no help from the kit's Java code. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class RowLevelSecurityTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String brandA = "rls-a-" + suffix;
    private final String brandB = "rls-b-" + suffix;

    @BeforeEach
    void seedTwoBrands() throws SQLException {
        try (Connection app = Jdbc.asApplication()) {
            app.setAutoCommit(false);
            for (String brand : List.of(brandA, brandB)) {
                setScope(app, brand);
                int notes = brand.equals(brandA) ? 3 : 2;
                for (int i = 0; i < notes; i++) {
                    insertNote(app, brand + "-note-" + i, brand);
                }
                app.commit();
            }
        }
    }

    @Test
    void applicationRoleWithoutTheSettingSeesNoRow() throws SQLException {
        try (Connection app = Jdbc.asApplication()) {
            app.setAutoCommit(false);
            setScope(app, brandA + "," + brandB);
            assertThat(countOwnNotes(app)).isEqualTo(5);
            app.commit();

            assertThat(countOwnNotes(app)).isZero();
            assertThat(ids(app, "select id from tenant_note where brand_id = '" + brandA + "'"))
                    .isEmpty();
            app.commit();
        }
        try (Connection fresh = Jdbc.asApplication()) {
            assertThat(ids(fresh, "select id from tenant_note")).isEmpty();
        }
    }

    @Test
    void scopeSeesExactlyItsBrands() throws SQLException {
        try (Connection app = Jdbc.asApplication()) {
            app.setAutoCommit(false);
            setScope(app, brandB);
            assertThat(ids(app, "select brand_id from tenant_note"))
                    .containsOnly(brandB)
                    .hasSize(2);
            app.commit();

            setScope(app, "*");
            assertThat(countOwnNotes(app)).isEqualTo(5);
            app.commit();
        }
    }

    @Test
    void transactionLocalSettingEndsWithTheCommit() throws SQLException {
        try (Connection app = Jdbc.asApplication()) {
            app.setAutoCommit(false);
            int backend = backendPid(app);
            setScope(app, brandA);
            assertThat(countOwnNotes(app)).isEqualTo(3);
            app.commit();

            assertThat(backendPid(app)).isEqualTo(backend);
            assertThat(ids(app, "select coalesce(current_setting('app.brand_ids', true), '')"))
                    .containsExactly("");
            assertThat(countOwnNotes(app)).isZero();
            app.rollback();
        }
    }

    @Test
    void switchingRowSecurityOffRevealsNothing() throws SQLException {
        try (Connection app = Jdbc.asApplication();
                Statement statement = app.createStatement()) {
            statement.execute("set row_security = off");

            // With row security off, PostgreSQL refuses a query a policy would filter instead of filtering it.
            assertThatThrownBy(() -> ids(app, "select id from tenant_note"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void applicationRoleCannotSwitchOffOrChangeTheIsolation() throws SQLException {
        List<String> attempts = List.of(
                "alter table tenant_note disable row level security",
                "alter table tenant_note no force row level security",
                "drop policy kit_tenant_isolation on tenant_note",
                "alter policy kit_tenant_isolation on tenant_note using (true)",
                "truncate tenant_note",
                "create or replace function kit_scope_all_brands() returns boolean language sql as 'select true'",
                "create function kit_visible_everything() returns boolean language sql as 'select true'",
                "call kit_enable_tenant_isolation('tenant_note')");
        try (Connection app = Jdbc.asApplication()) {
            for (String attempt : attempts) {
                try (Statement statement = app.createStatement()) {
                    assertThatThrownBy(() -> statement.execute(attempt))
                            .as(attempt)
                            .isInstanceOf(SQLException.class)
                            .hasMessageMatching("(?s).*(must be owner|permission denied).*");
                }
            }
        }
        try (Connection owner = Jdbc.asOwner()) {
            assertThat(ids(
                            owner,
                            "select relrowsecurity::text || '/' || relforcerowsecurity::text from pg_class"
                                    + " where oid = 'tenant_note'::regclass"))
                    .containsExactly("true/true");
        }
    }

    @Test
    void applicationRoleOwnsNothingAndCannotBypassRowSecurity() throws SQLException {
        try (Connection app = Jdbc.asApplication()) {
            assertThat(ids(
                            app,
                            "select rolsuper::text || '/' || rolbypassrls::text from pg_roles"
                                    + " where rolname = current_user"))
                    .containsExactly("false/false");
            assertThat(ids(
                            app,
                            "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                    + " where c.relowner = (select oid from pg_roles where rolname = current_user)"
                                    + " and n.nspname not like 'pg_%' and n.nspname <> 'information_schema'"))
                    .isEmpty();
            assertThat(ids(app, "select has_schema_privilege('public', 'CREATE')::text"))
                    .containsExactly("false");
        }
    }

    @Test
    void rowsOfAnotherBrandCannotBeWrittenOrTouched() throws SQLException {
        try (Connection app = Jdbc.asApplication()) {
            app.setAutoCommit(false);
            setScope(app, brandA);
            assertThatThrownBy(() -> insertNote(app, "smuggled-" + suffix, brandB))
                    .hasMessageContaining("violates row-level security policy");
            app.rollback();

            setScope(app, brandA);
            try (Statement statement = app.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate(
                                "update tenant_note set brand_id = '" + brandB + "' where brand_id = '" + brandA + "'"))
                        .hasMessageContaining("violates row-level security policy");
            }
            app.rollback();

            setScope(app, brandA);
            try (Statement statement = app.createStatement()) {
                assertThat(statement.executeUpdate("delete from tenant_note where brand_id = '" + brandB + "'"))
                        .isZero();
                assertThat(statement.executeUpdate(
                                "update tenant_note set body = 'x' where brand_id = '" + brandB + "'"))
                        .isZero();
            }
            app.commit();

            setScope(app, brandB);
            assertThat(ids(app, "select body from tenant_note")).hasSize(2).doesNotContain("x");
            app.commit();
        }
    }

    @Test
    void policyReadsTheScopeOncePerStatementAndLeavesIndexesUsable() throws SQLException {
        try (Connection app = Jdbc.asApplication()) {
            app.setAutoCommit(false);
            setScope(app, brandA);
            try (Statement statement = app.createStatement()) {
                statement.execute("set local enable_seqscan = off");
            }
            String byId =
                    String.join("\n", ids(app, "explain select * from tenant_note where id = '" + brandA + "-note-1'"));
            String byBrand =
                    String.join("\n", ids(app, "explain select * from tenant_note where brand_id = '" + brandA + "'"));
            app.rollback();

            assertThat(byId).contains("Index Scan using tenant_note_pkey").contains("InitPlan");
            assertThat(byBrand).contains("tenant_note_by_brand");
        }
    }

    @Test
    void tableWithoutABrandColumnCannotBeDeclaredATenantTable() throws SQLException {
        String table = "tenant_not_a_tenant_" + suffix.replace('-', '_');
        try (Connection owner = Jdbc.asOwner();
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("create table " + table + " (id text primary key, brand text)");
            assertThatThrownBy(() -> statement.execute("call kit_enable_tenant_isolation('" + table + "')"))
                    .hasMessageContaining("brand_id text not null");
            owner.rollback();
        }
    }

    @Test
    void isolationStatusShowsTenantTablesAndPlatformTables() throws SQLException {
        try (Connection app = Jdbc.asApplication()) {
            assertThat(ids(app, "select table_name::text || '=' || isolated from kit_tenant_isolation_status"))
                    .contains("tenant_note=true", "kit_engagement=false");
        }
    }

    private static void setScope(Connection connection, String brandIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('app.brand_ids', ?, true)")) {
            statement.setString(1, brandIds);
            statement.execute();
        }
    }

    private static void insertNote(Connection connection, String id, String brandId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("insert into tenant_note (id, brand_id, body) values (?, ?, ?)")) {
            statement.setString(1, id);
            statement.setString(2, brandId);
            statement.setString(3, "note " + id);
            statement.executeUpdate();
        }
    }

    private int countOwnNotes(Connection connection) throws SQLException {
        return ids(connection, "select id from tenant_note where brand_id in ('" + brandA + "', '" + brandB + "')")
                .size();
    }

    private static int backendPid(Connection connection) throws SQLException {
        return Integer.parseInt(ids(connection, "select pg_backend_pid()").get(0));
    }

    private static List<String> ids(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

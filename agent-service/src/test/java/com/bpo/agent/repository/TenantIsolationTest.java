package com.bpo.agent.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The brand-owned tables are isolated by row-level security; the vendor-side tables have no brand column. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class TenantIsolationTest {

    @Test
    void everyTableWithABrandIsIsolated() throws SQLException {
        Map<String, Boolean> isolation = new HashMap<>();
        var database = InfraTestResource.database();
        try (Connection app = InfraTestResource.postgres().connect(database.name(), database.app());
                Statement statement = app.createStatement();
                ResultSet rows =
                        statement.executeQuery("select table_name::text, isolated from kit_tenant_isolation_status")) {
            while (rows.next()) {
                isolation.put(rows.getString(1), rows.getBoolean(2));
            }
        }

        assertThat(isolation)
                .containsEntry("brand", true)
                .containsEntry("shop", true)
                .containsEntry("engagement", true);
        assertThat(isolation).doesNotContainKeys("vendor", "team", "agent");
        assertThat(isolation.entrySet().stream()
                        .filter(entry -> !entry.getValue())
                        .map(Map.Entry::getKey))
                .allMatch(table -> table.startsWith("kit_"));
    }

    @Test
    void applicationRoleSeesNoBrandRowsWithoutScope() throws SQLException {
        var database = InfraTestResource.database();
        try (Connection owner = InfraTestResource.postgres().connect(database.name(), database.owner());
                Statement seed = owner.createStatement()) {
            seed.execute("begin; select set_config('app.brand_ids', '*', true);"
                    + " insert into brand (id, brand_id, name, time_zone, active, version)"
                    + " values ('brand-ti', 'brand-ti', 'Isolated', 'Asia/Shanghai', true, 0) on conflict do nothing;"
                    + " commit;");
        }
        try (Connection app = InfraTestResource.postgres().connect(database.name(), database.app());
                Statement statement = app.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from brand")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }
}

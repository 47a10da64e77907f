package com.bpo.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.kit.tenant.TenantConnections;
import com.bpo.kit.tenant.TenantScope;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain reactive connections in a tenant scope, against row-level security as the application's database role. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class TenantConnectionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String INSERT = "insert into tenant_note (id, brand_id, body) values ($1, $2, 'note')";
    private static final String NOTES = "select id, brand_id from tenant_note where id like $1 order by id";

    @Inject
    TenantConnections tenants;

    @Inject
    Pool pool;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String brandA = "conn-a-" + suffix;
    private final String brandB = "conn-b-" + suffix;
    private final String ids = "conn-note-" + suffix + "-%";

    @BeforeEach
    void seedTwoBrands() {
        await(tenants.inScope(TenantScope.brand(brandA), connection -> insert(connection, "a1", brandA)
                .chain(() -> insert(connection, "a2", brandA))));
        await(tenants.inScope(TenantScope.brand(brandB), connection -> insert(connection, "b1", brandB)));
    }

    @Test
    void scopeOfOneBrandSeesOnlyThatBrandsRows() {
        List<String> seen = await(tenants.inScope(TenantScope.brand(brandA), this::noteBrands));

        assertThat(seen).containsExactly(brandA, brandA);
    }

    @Test
    void platformScopeSeesEveryBrand() {
        List<String> seen = await(tenants.forPlatform(this::noteBrands));

        assertThat(seen).containsExactly(brandA, brandA, brandB);
    }

    @Test
    void scopeOfSeveralBrandsSetsThemSortedForTheTransaction() {
        TenantScope both = new TenantScope(false, Set.of(brandB, brandA), null, null);

        String setting = await(tenants.inScope(both, connection -> connection
                .query("select current_setting('app.brand_ids')")
                .execute()
                .map(rows -> rows.iterator().next().getString(0))));

        assertThat(setting).isEqualTo(brandA + "," + brandB);
    }

    @Test
    void emptyScopeSeesNothingAndMayWriteNothing() {
        assertThat(await(tenants.inScope(TenantScope.none(), this::noteBrands))).isEmpty();
        assertThatThrownBy(() ->
                        await(tenants.inScope(TenantScope.none(), connection -> insert(connection, "none", brandA))))
                .hasMessageContaining("row-level security");
    }

    @Test
    void writeForAnotherBrandFailsAndRollsBackTheWholeTransaction() {
        assertThatThrownBy(() ->
                        await(tenants.inScope(TenantScope.brand(brandA), connection -> insert(connection, "a3", brandA)
                                .chain(() -> insert(connection, "smuggled", brandB)))))
                .hasMessageContaining("violates row-level security policy");

        assertThat(await(tenants.forPlatform(this::noteIds))).containsExactly(id("a1"), id("a2"), id("b1"));
    }

    @Test
    void settingEndsWithTheTransaction() {
        await(tenants.forPlatform(this::noteBrands));

        // A pooled connection outside any tenant transaction has no scope, so row-level security shows nothing.
        List<String> outside = await(pool.withConnection(this::noteBrands));
        String setting = await(pool.withConnection(connection -> connection
                .query("select coalesce(current_setting('app.brand_ids', true), '')")
                .execute()
                .map(rows -> rows.iterator().next().getString(0))));

        assertThat(outside).isEmpty();
        assertThat(setting).isEmpty();
    }

    private Uni<Void> insert(SqlConnection connection, String note, String brandId) {
        return connection
                .preparedQuery(INSERT)
                .execute(Tuple.of(id(note), brandId))
                .replaceWithVoid();
    }

    private Uni<List<String>> noteBrands(SqlConnection connection) {
        return notes(connection, row -> row.getString("brand_id"));
    }

    private Uni<List<String>> noteIds(SqlConnection connection) {
        return notes(connection, row -> row.getString("id"));
    }

    private Uni<List<String>> notes(SqlConnection connection, Function<Row, String> column) {
        return connection.preparedQuery(NOTES).execute(Tuple.of(ids)).map(rows -> {
            List<String> values = new ArrayList<>();
            rows.forEach(row -> values.add(column.apply(row)));
            return values;
        });
    }

    private String id(String note) {
        return "conn-note-" + suffix + "-" + note;
    }

    private static <T> T await(Uni<T> work) {
        return work.await().atMost(TIMEOUT);
    }
}

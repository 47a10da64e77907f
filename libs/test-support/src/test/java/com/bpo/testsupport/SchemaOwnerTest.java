package com.bpo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaOwnerTest {

    @BeforeAll
    static void database() {
        InfraTestResource resource = new InfraTestResource();
        resource.init(Map.of(InfraTestResource.DATABASE_ARG, "support_schema_owner"));
        resource.start();
        SchemaOwner.execute("create table shop (id text primary key, brand_id text not null, logo bytea)");
    }

    @Test
    void rowsReadBackWhatExecuteWroteWithBytesBound() {
        SchemaOwner.execute(
                "insert into shop (id, brand_id, logo) values (?, ?, ?)", "shop-1", "brand-a", new byte[] {1, 2, 3});

        assertThat(SchemaOwner.rows("select brand_id, logo from shop where id = ?", "shop-1"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row).containsEntry("brand_id", "brand-a");
                    assertThat((byte[]) row.get("logo")).containsExactly(1, 2, 3);
                });
        assertThat(SchemaOwner.exists("select 1 from shop where id = ?", "shop-1"))
                .isTrue();
        assertThat(SchemaOwner.exists("select 1 from shop where id = ?", "shop-unknown"))
                .isFalse();
    }

    @Test
    void everyBrandIsVisibleToTheOwner() {
        assertThat(SchemaOwner.rows("select current_setting('app.brand_ids', true) as scope, current_user as role"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row).containsEntry("scope", "*");
                    assertThat(row).containsEntry("role", "support_schema_owner_owner");
                });
    }

    @Test
    void aFailingStatementRollsBackTheWholeTransaction() {
        assertThatThrownBy(() -> SchemaOwner.inTransaction(owner -> {
                    try (PreparedStatement first = SchemaOwner.prepare(
                            owner, "insert into shop (id, brand_id) values (?, ?)", "shop-2", "brand-b")) {
                        first.executeUpdate();
                    }
                    try (PreparedStatement duplicate = SchemaOwner.prepare(
                            owner, "insert into shop (id, brand_id) values (?, ?)", "shop-2", "brand-b")) {
                        duplicate.executeUpdate();
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate key");

        assertThat(SchemaOwner.exists("select 1 from shop where id = ?", "shop-2"))
                .isFalse();
    }
}

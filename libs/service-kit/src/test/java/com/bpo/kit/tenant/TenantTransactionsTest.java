package com.bpo.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.testsupport.InfraTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** How tenant transactions compose with each other and with the transactions a service opens itself. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class TenantTransactionsTest {

    @Inject
    TenantTransactions transactions;

    @Inject
    TenantNoteRepository notes;

    @Inject
    Mutiny.SessionFactory sessionFactory;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String brandA = "tx-a-" + suffix;
    private final String brandB = "tx-b-" + suffix;

    @Test
    void nestedTenantTransactionForTheSameScopeJoinsTheOuterOne() {
        String[] transactionIds = OnVertx.await(() -> transactions.forBrand(brandA, () -> transactionId()
                .chain(outer ->
                        transactions.forBrand(brandA, this::transactionId).map(inner -> new String[] {outer, inner}))));

        assertThat(transactionIds[1]).isEqualTo(transactionIds[0]);
    }

    @Test
    void nestedTenantTransactionForAnotherScopeFails() {
        assertThatThrownBy(() -> OnVertx.await(
                        () -> transactions.forBrand(brandA, () -> transactions.forBrand(brandB, () -> notes.count()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another scope");
    }

    @Test
    void tenantTransactionInsideATransactionWithoutScopeFails() {
        assertThatThrownBy(() -> OnVertx.await(
                        () -> Panache.withTransaction(() -> transactions.forBrand(brandA, () -> notes.count()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start the tenant transaction first");
    }

    @Test
    void panacheTransactionsInsideATenantTransactionJoinItAndSeeTheScope() {
        OnVertx.await(() -> transactions.forBrand(brandA, () -> notes.persist(note(brandA, brandA + "-1"))));

        long seen = OnVertx.await(() ->
                transactions.forBrand(brandA, () -> Panache.withTransaction(() -> notes.count("brandId", brandA))));

        assertThat(seen).isEqualTo(1);
    }

    @Test
    void failedWorkRollsBackItsWrites() {
        String id = brandA + "-rolled-back";

        assertThatThrownBy(() -> OnVertx.await(() -> transactions.forBrand(brandA, () -> notes.persist(note(brandA, id))
                        .call(notes::flush)
                        .chain(() -> Uni.createFrom().failure(new IllegalArgumentException("refused"))))))
                .hasMessageContaining("refused");

        assertThat(OnVertx.await(() -> transactions.forBrand(brandA, () -> notes.findById(id))))
                .isNull();
    }

    @Test
    void scopeIsSetOnTheTransactionOfTheWork() {
        String setting = OnVertx.await(() -> transactions.inScope(
                new TenantScope(false, Set.of(brandB, brandA), "vendor-1", null),
                () -> sessionFactory.withSession(
                        session -> session.createNativeQuery("select current_setting('app.brand_ids')", String.class)
                                .getSingleResult())));

        assertThat(setting).isEqualTo(brandA + "," + brandB);
    }

    private Uni<String> transactionId() {
        return sessionFactory.withSession(
                session -> session.createNativeQuery("select cast(txid_current() as text)", String.class)
                        .getSingleResult());
    }

    private static TenantNote note(String brand, String id) {
        return TenantNote.of(id, brand, null, null, "note " + id);
    }
}

package com.bpo.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alternating tenants on a pool of one connection: whatever one transaction set must never be seen by the next one,
 * whichever tenant it runs for.
 */
@QuarkusTest
@TestProfile(PoolOfOneConnection.class)
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class TenantIsolationOnOneConnectionTest {

    /** What one transaction saw: the connection it ran on and the brands of the rows it read. */
    record Seen(int backendPid, List<String> brands) {}

    @Inject
    TenantTransactions transactions;

    @Inject
    TenantNoteRepository notes;

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Inject
    KafkaClientService kafkaClients;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String brandA = "one-a-" + suffix;
    private final String brandB = "one-b-" + suffix;
    private ExecutorService callers;

    @BeforeEach
    void seedTwoBrands() {
        for (int i = 0; i < 3; i++) {
            persist(brandA, brandA + "-" + i);
        }
        for (int i = 0; i < 2; i++) {
            persist(brandB, brandB + "-" + i);
        }
        callers = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopCallers() throws InterruptedException {
        callers.shutdownNow();
        assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void alternatingTenantsOnTheSameConnectionSeeOnlyTheirOwnRows() {
        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String brand = i % 2 == 0 ? brandA : brandB;

            Seen seen = OnVertx.await(() -> transactions.forBrand(brand, this::seen));

            connections.add(seen.backendPid());
            assertThat(seen.brands()).containsOnly(brand).hasSize(brand.equals(brandA) ? 3 : 2);
        }
        assertThat(connections).hasSize(1);
    }

    @Test
    void concurrentlyIssuedTenantTransactionsNeverSeeAnotherTenant() throws Exception {
        List<Callable<Seen>> calls = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String brand = i % 2 == 0 ? brandA : brandB;
            String note = brand + "-concurrent-" + i;
            boolean write = i % 4 < 2;
            expected.add(brand);
            // Half of them also write (one of each brand in every four), so reads and writes of both tenants
            // interleave.
            calls.add(() -> OnVertx.await(() -> transactions.forBrand(brand, () -> (write
                            ? notes.persist(note(brand, note)).replaceWithVoid()
                            : Uni.createFrom().voidItem())
                    .chain(this::seen))));
        }

        List<Future<Seen>> results = callers.invokeAll(calls, 2, TimeUnit.MINUTES);

        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            Seen seen = results.get(i).get();
            connections.add(seen.backendPid());
            assertThat(seen.brands()).as("transaction %d", i).isNotEmpty().containsOnly(expected.get(i));
        }
        assertThat(connections).hasSize(1);
    }

    @Test
    void unscopedTransactionAfterAScopedOneOnTheSameConnectionSeesNothing() {
        Seen scoped = OnVertx.await(() -> transactions.forBrand(brandA, this::seen));
        Seen unscoped = OnVertx.await(() -> sessionFactory.withTransaction(session -> seen()));

        assertThat(scoped.brands()).hasSize(3);
        assertThat(unscoped.backendPid()).isEqualTo(scoped.backendPid());
        assertThat(unscoped.brands()).isEmpty();
        String settingAfterwards = OnVertx.await(() -> sessionFactory.withTransaction(session ->
                session.createNativeQuery("select coalesce(current_setting('app.brand_ids', true), '')", String.class)
                        .getSingleResult()));
        assertThat(settingAfterwards).isEmpty();
    }

    @Test
    void insertForAnotherBrandIsRefusedAndTheConnectionStaysUsable() {
        assertThatThrownBy(() -> OnVertx.await(
                        () -> transactions.forBrand(brandA, () -> notes.persist(note(brandB, brandB + "-smuggled")))))
                .hasMessageContaining("violates row-level security policy");

        Seen afterwards = OnVertx.await(() -> transactions.forBrand(brandB, this::seen));
        assertThat(afterwards.brands()).hasSize(2);
    }

    @Test
    void emptyScopeSeesNoRowAndWritesNone() {
        Seen seen = OnVertx.await(() -> transactions.inScope(TenantScope.none(), this::seen));

        assertThat(seen.brands()).isEmpty();
        assertThatThrownBy(() -> OnVertx.await(() ->
                        transactions.inScope(TenantScope.none(), () -> notes.persist(note(brandA, brandA + "-none")))))
                .hasMessageContaining("violates row-level security policy");
    }

    @Test
    void platformScopeSeesEveryBrand() {
        Seen seen = OnVertx.await(() -> transactions.forPlatform(this::seen));

        assertThat(seen.brands()).contains(brandA, brandB);
    }

    @Test
    void engagementCopyCanBeSwitchedOffByConfiguration() {
        assertThat(kafkaClients.getConsumerChannels()).doesNotContain(EngagementConsumer.CHANNEL);
    }

    private Uni<Seen> seen() {
        return sessionFactory.withSession(session -> session.createNativeQuery("select pg_backend_pid()", Integer.class)
                .getSingleResult()
                .chain(pid -> notes.find("brandId in (?1, ?2)", brandA, brandB)
                        .list()
                        .map(found -> new Seen(
                                pid, found.stream().map(note -> note.brandId).toList()))));
    }

    private void persist(String brand, String id) {
        OnVertx.await(() -> transactions.forBrand(brand, () -> notes.persist(note(brand, id))));
    }

    private static TenantNote note(String brand, String id) {
        return TenantNote.of(id, brand, null, null, "note " + id);
    }
}

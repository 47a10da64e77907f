package com.bpo.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.kit.messaging.KitTestTopics;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KitTestTopics.class, restrictToAnnotatedClass = false)
class InboxTest {

    private static final String CONSUMER = "inbox-test-consumer";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TALLY = "insert into inbox_demo_tally (event_id, applications) values (:eventId, 1)"
            + " on conflict (event_id) do update set applications = inbox_demo_tally.applications + 1";

    @Inject
    Inbox inbox;

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Inject
    InboxCleanup cleanup;

    @Inject
    Pool pool;

    @Test
    void reDeliveredEventIsAppliedOnce() throws Throwable {
        String eventId = UUID.randomUUID().toString();

        Integer first = deliver(CONSUMER, eventId);
        Integer again = deliver(CONSUMER, eventId);

        assertThat(first).isEqualTo(1);
        assertThat(again).isNull();
        assertThat(applications(eventId)).isEqualTo(1);
    }

    @Test
    void eachConsumerAppliesTheEventOnce() throws Throwable {
        String eventId = UUID.randomUUID().toString();

        deliver(CONSUMER, eventId);
        deliver("another-consumer", eventId);

        assertThat(applications(eventId)).isEqualTo(2);
    }

    @Test
    void failedEffectLeavesNoTraceSoTheNextDeliveryAppliesIt() throws Throwable {
        String eventId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> sessionFactory.withTransaction(
                        session -> inbox.processOnce(CONSUMER, eventId, () -> tally(session, eventId)
                                .chain(() -> Uni.createFrom().failure(new IllegalStateException("effect failed")))))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("effect failed");

        assertThat(applications(eventId)).isZero();
        assertThat(deliver(CONSUMER, eventId)).isEqualTo(1);
        assertThat(applications(eventId)).isEqualTo(1);
    }

    @Test
    void batchClaimReturnsOnlyTheEventsNotSeenBefore() throws Throwable {
        String seen = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        String alsoFresh = UUID.randomUUID().toString();
        deliver(CONSUMER, seen);

        Set<String> claimed = VertxContextSupport.subscribeAndAwait(() -> sessionFactory.withTransaction(
                session -> inbox.claimNew(CONSUMER, List.of(seen, fresh, alsoFresh, fresh))));
        Set<String> claimedAgain = VertxContextSupport.subscribeAndAwait(
                () -> sessionFactory.withTransaction(session -> inbox.claimNew(CONSUMER, List.of(fresh, alsoFresh))));

        assertThat(claimed).containsExactlyInAnyOrder(fresh, alsoFresh);
        assertThat(claimedAgain).isEmpty();
    }

    @Test
    void processingOutsideATransactionFails() {
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> inbox.processOnce(
                        CONSUMER, "event-1", () -> Uni.createFrom().item(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void appliedEventIdsPastTheRetentionAreForgottenAndRecentOnesKept() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        insertApplied(old, "15 days");
        insertApplied(recent, "1 hour");

        int deleted = cleanup.deleteExpired().await().atMost(TIMEOUT);

        assertThat(deleted).isPositive();
        assertThat(remembered(old)).isFalse();
        assertThat(remembered(recent)).isTrue();
    }

    private void insertApplied(String eventId, String age) {
        pool.preparedQuery(
                        "insert into kit_inbox (consumer, event_id, processed_at) values ($1, $2, now() - cast($3 as text)::interval)")
                .execute(Tuple.of(CONSUMER, eventId, age))
                .await()
                .atMost(TIMEOUT);
    }

    private boolean remembered(String eventId) {
        return pool.preparedQuery("select 1 from kit_inbox where consumer = $1 and event_id = $2")
                        .execute(Tuple.of(CONSUMER, eventId))
                        .await()
                        .atMost(TIMEOUT)
                        .size()
                > 0;
    }

    private Integer deliver(String consumer, String eventId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sessionFactory.withTransaction(
                session -> inbox.processOnce(consumer, eventId, () -> tally(session, eventId))));
    }

    private static Uni<Integer> tally(Mutiny.Session session, String eventId) {
        return session.createNativeQuery(TALLY).setParameter("eventId", eventId).executeUpdate();
    }

    private long applications(String eventId) throws Throwable {
        List<Integer> rows = VertxContextSupport.subscribeAndAwait(
                () -> sessionFactory.withSession(session -> session.createNativeQuery(
                                "select applications from inbox_demo_tally where event_id = :eventId", Integer.class)
                        .setParameter("eventId", eventId)
                        .getResultList()));
        return rows.isEmpty() ? 0 : rows.get(0);
    }
}

package com.bpo.kit.tenant;

import com.bpo.contracts.EventPayload;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.kit.messaging.IncomingEvent;
import com.bpo.kit.messaging.IncomingEvents;
import com.bpo.kit.messaging.TransientRetry;
import com.bpo.kit.org.OrgKind;
import com.bpo.kit.org.OrgStateStore;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps the service's copies of the organisation up to date from the compacted {@code org.events}: the current state
 * of every brand, shop, vendor, team, agent and engagement ({@code kit_org_state}, read with
 * {@link com.bpo.kit.org.OrgCopy}) and the engagement copy that vendor scopes are resolved from
 * ({@link EngagementDirectory}). An engagement's state goes into both in one transaction.
 *
 * <p>Idempotent by nature: each record is an aggregate's full state, stored unless a later state is already stored,
 * so re-deliveries and replays from the start of the topic change nothing. A tombstone deletes its aggregate from the
 * copy (and ends an engagement). Events of other types are skipped. A record that is not a valid event goes to
 * {@code org.events.dlq}; a database failure that may pass is retried first, so that a deactivation is not lost to a
 * short outage. A service that needs neither vendor scopes nor organisation data switches the channel off with
 * {@code mp.messaging.incoming.kit-org-events.enabled=false}.
 */
@ApplicationScoped
public class EngagementConsumer {

    /** The incoming channel, mapped to {@code org.events} in the kit's configuration. */
    public static final String CHANNEL = "kit-org-events";

    private final EngagementDirectory directory;
    private final OrgStateStore orgStates;
    private final Mutiny.SessionFactory sessionFactory;
    private final TransientRetry retry;

    EngagementConsumer(
            EngagementDirectory directory,
            OrgStateStore orgStates,
            Mutiny.SessionFactory sessionFactory,
            TransientRetry retry) {
        this.directory = directory;
        this.orgStates = orgStates;
        this.sessionFactory = sessionFactory;
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return onTombstone(record);
        }
        IncomingEvent event = IncomingEvents.read(record);
        EventPayload state = event.payload();
        Optional<OrgKind> kind = state == null ? Optional.empty() : OrgKind.of(state);
        if (kind.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // ce_time is when the state was published; the broker's timestamp stands in for a producer that left it out.
        Instant stateTime = event.time() != null ? event.time() : Instant.ofEpochMilli(record.timestamp());
        // The outer transaction is joined by both writes, so an engagement's two copies never disagree.
        return retry.run(() -> sessionFactory.withTransaction(session -> orgStates
                        .store(state, event.envelope().payload(), stateTime, event.id())
                        .call(() -> state instanceof EngagementChanged engagement
                                ? directory.apply(engagement, stateTime, event.id())
                                : Uni.createFrom().voidItem())))
                .invoke(stored -> Log.debugf(
                        "Organisation state %s:%s at %s %s",
                        kind.get().key(),
                        kind.get().idOfRecordKey(state.key()),
                        stateTime,
                        stored ? "stored" : "ignored: a later state is stored"))
                .replaceWithVoid();
    }

    // A tombstone deletes an aggregate from the compacted topic: it leaves the copy, and an engagement's vendor loses
    // access, as on deactivation.
    private Uni<Void> onTombstone(ConsumerRecord<String, byte[]> record) {
        Optional<OrgKind> kind = OrgKind.ofRecordKey(record.key());
        if (kind.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String id = kind.get().idOfRecordKey(record.key());
        String eventId = "tombstone:" + record.topic() + "/" + record.partition() + "@" + record.offset();
        Instant stateTime = Instant.ofEpochMilli(record.timestamp());
        return retry.run(() -> sessionFactory.withTransaction(session -> orgStates
                        .delete(kind.get(), id)
                        .call(() -> kind.get() == OrgKind.ENGAGEMENT
                                ? directory.deactivate(id, stateTime, eventId)
                                : Uni.createFrom().voidItem())))
                .invoke(() -> Log.debugf("Organisation aggregate %s deleted by a tombstone", record.key()))
                .replaceWithVoid();
    }
}

package com.bpo.kit.tenant;

import com.bpo.contracts.org.EngagementChanged;
import com.bpo.kit.messaging.IncomingEvent;
import com.bpo.kit.messaging.IncomingEvents;
import com.bpo.kit.messaging.TransientRetry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the engagement copy ({@link EngagementDirectory}) up to date from the compacted {@code org.events}.
 *
 * <p>Idempotent by nature: each record is an engagement's full state, stored unless a later state is already
 * stored, so re-deliveries and replays from the start of the topic change nothing. Other organisation events are
 * skipped. A record that is not a valid event goes to {@code org.events.dlq}; a database failure that may pass is
 * retried first, so that a deactivation is not lost to a short outage. A service that needs no vendor scopes
 * switches the channel off with {@code mp.messaging.incoming.kit-org-events.enabled=false}.
 */
@ApplicationScoped
public class EngagementConsumer {

    /** The incoming channel, mapped to {@code org.events} in the kit's configuration. */
    public static final String CHANNEL = "kit-org-events";

    private static final String ENGAGEMENT_KEY_PREFIX = "engagement:";

    private final EngagementDirectory directory;
    private final TransientRetry retry;

    EngagementConsumer(EngagementDirectory directory, TransientRetry retry) {
        this.directory = directory;
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return onTombstone(record);
        }
        IncomingEvent event = IncomingEvents.read(record);
        if (!(event.payload() instanceof EngagementChanged engagement)) {
            return Uni.createFrom().voidItem();
        }
        // ce_time is when the state was published; the broker's timestamp stands in for a producer that left it out.
        Instant stateTime = event.time() != null ? event.time() : Instant.ofEpochMilli(record.timestamp());
        return retry.run(() -> directory.apply(engagement, stateTime, event.id()))
                .invoke(stored -> Log.debugf(
                        "Engagement %s (brand %s, vendor %s, active %s) %s",
                        engagement.engagementId(),
                        engagement.brandId(),
                        engagement.vendorId(),
                        engagement.active(),
                        stored ? "stored" : "ignored: a later state is stored"))
                .replaceWithVoid();
    }

    // A tombstone deletes an engagement from the compacted topic: the vendor loses access, as on deactivation.
    private Uni<Void> onTombstone(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null || !key.startsWith(ENGAGEMENT_KEY_PREFIX)) {
            return Uni.createFrom().voidItem();
        }
        String engagementId = key.substring(ENGAGEMENT_KEY_PREFIX.length());
        String eventId = "tombstone:" + record.topic() + "/" + record.partition() + "@" + record.offset();
        Instant stateTime = Instant.ofEpochMilli(record.timestamp());
        return retry.run(() -> directory.deactivate(engagementId, stateTime, eventId))
                .replaceWithVoid();
    }
}

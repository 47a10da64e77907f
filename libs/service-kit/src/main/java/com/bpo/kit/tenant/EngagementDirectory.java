package com.bpo.kit.tenant;

import com.bpo.contracts.org.EngagementChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The service's local copy of the engagements on {@code org.events}: which brands each vendor serves now.
 *
 * <p>Reads go through the reactive session of the current Vert.x context when there is one, so that resolving a
 * scope inside an open transaction never waits for a second pooled connection.
 */
@ApplicationScoped
public class EngagementDirectory {

    private static final String SERVED_BRANDS =
            """
            select distinct brand_id from kit_engagement
             where vendor_id = :vendorId
               and active
               and (valid_from is null or valid_from <= now())
               and (valid_to is null or valid_to > now())""";

    // The where clause keeps a newer stored state: a replayed older state (event time before the stored one) is
    // ignored, a re-delivery of the stored state rewrites the same values.
    private static final String UPSERT =
            """
            insert into kit_engagement
                (engagement_id, brand_id, vendor_id, active, valid_from, valid_to, state_time, event_id, updated_at)
            values (:engagementId, :brandId, :vendorId, :active, :validFrom, :validTo, :stateTime, :eventId, now())
            on conflict (engagement_id) do update
               set brand_id = excluded.brand_id,
                   vendor_id = excluded.vendor_id,
                   active = excluded.active,
                   valid_from = excluded.valid_from,
                   valid_to = excluded.valid_to,
                   state_time = excluded.state_time,
                   event_id = excluded.event_id,
                   updated_at = now()
             where kit_engagement.state_time <= excluded.state_time""";

    private static final String DEACTIVATE =
            """
            update kit_engagement
               set active = false, state_time = :stateTime, event_id = :eventId, updated_at = now()
             where engagement_id = :engagementId
               and state_time <= :stateTime""";

    private final Mutiny.SessionFactory sessionFactory;

    EngagementDirectory(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** The brands {@code vendorId} has an engagement with that is active and within its validity now. */
    public Uni<Set<String>> brandsServedBy(String vendorId) {
        Objects.requireNonNull(vendorId, "vendorId");
        return sessionFactory.withSession(session -> session.createNativeQuery(SERVED_BRANDS, String.class)
                .setParameter("vendorId", vendorId)
                .getResultList()
                .map(Set::copyOf));
    }

    /**
     * Stores an engagement's state unless a state with a later event time is already stored.
     *
     * @param stateTime when the state was published ({@code ce_time})
     * @return whether the state was stored
     */
    public Uni<Boolean> apply(EngagementChanged engagement, Instant stateTime, String eventId) {
        return sessionFactory.withTransaction(session -> session.createNativeQuery(UPSERT)
                .setParameter("engagementId", engagement.engagementId())
                .setParameter("brandId", engagement.brandId())
                .setParameter("vendorId", engagement.vendorId())
                .setParameter("active", engagement.active())
                .setParameter("validFrom", utc(engagement.validFrom()))
                .setParameter("validTo", utc(engagement.validTo()))
                .setParameter("stateTime", utc(stateTime))
                .setParameter("eventId", eventId)
                .executeUpdate()
                .map(rows -> rows > 0));
    }

    /**
     * Marks an engagement inactive unless a later state is stored: what a tombstone on the compacted topic means.
     *
     * @return whether a stored engagement was deactivated
     */
    public Uni<Boolean> deactivate(String engagementId, Instant stateTime, String eventId) {
        return sessionFactory.withTransaction(session -> session.createNativeQuery(DEACTIVATE)
                .setParameter("engagementId", engagementId)
                .setParameter("stateTime", utc(stateTime))
                .setParameter("eventId", eventId)
                .executeUpdate()
                .map(rows -> rows > 0));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

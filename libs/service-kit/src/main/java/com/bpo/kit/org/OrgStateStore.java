package com.bpo.kit.org;

import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.org.AgentChanged;
import com.bpo.contracts.org.BrandChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.ShopChanged;
import com.bpo.contracts.org.TeamChanged;
import com.bpo.contracts.org.VendorChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes the organisation copy, {@code kit_org_state}: one row per aggregate (kind and id) holding its latest
 * published state. Fed by {@code EngagementConsumer} from {@code org.events}; see {@link OrgCopy} for reading.
 *
 * <p>Writes join the Hibernate Reactive transaction of the current Vert.x context if one is open, so a caller can
 * store a state together with other changes; otherwise each write is its own transaction.
 */
@ApplicationScoped
public class OrgStateStore {

    // The where clause keeps a newer stored state: a replayed older state (event time before the stored one) is
    // ignored, a re-delivery of the stored state rewrites the same values. The state is bound as text and cast in
    // SQL, so that the driver never encodes it as a JSON string value.
    private static final String UPSERT =
            """
            insert into kit_org_state
                (kind, id, brand_id, vendor_id, state, active, state_time, event_id, updated_at)
            values (:kind, :id, :brandId, :vendorId, cast(cast(:state as text) as jsonb), :active, :stateTime,
                    :eventId, now())
            on conflict (kind, id) do update
               set brand_id = excluded.brand_id,
                   vendor_id = excluded.vendor_id,
                   state = excluded.state,
                   active = excluded.active,
                   state_time = excluded.state_time,
                   event_id = excluded.event_id,
                   updated_at = now()
             where kit_org_state.state_time <= excluded.state_time""";

    private static final String DELETE = "delete from kit_org_state where kind = :kind and id = :id";

    private final Mutiny.SessionFactory sessionFactory;

    OrgStateStore(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * Stores an aggregate's state unless a state with a later event time is already stored.
     *
     * @param state the organisation event's payload ({@code BrandChanged}, ... {@code EngagementChanged})
     * @param json the payload as published; stored as it is in {@code state}
     * @param stateTime when the state was published ({@code ce_time})
     * @param eventId the event's {@code ce_id}
     * @return whether the state was stored
     * @throws IllegalArgumentException if {@code state} is not an organisation event
     */
    public Uni<Boolean> store(EventPayload state, byte[] json, Instant stateTime, String eventId) {
        Row row = Row.of(state);
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(stateTime, "stateTime");
        Objects.requireNonNull(eventId, "eventId");
        return sessionFactory.withTransaction(session -> session.createNativeQuery(UPSERT)
                .setParameter("kind", row.kind().key())
                .setParameter("id", row.id())
                .setParameter("brandId", row.brandId())
                .setParameter("vendorId", row.vendorId())
                .setParameter("state", new String(json, StandardCharsets.UTF_8))
                .setParameter("active", row.active())
                .setParameter("stateTime", stateTime.atOffset(ZoneOffset.UTC))
                .setParameter("eventId", eventId)
                .executeUpdate()
                .map(rows -> rows > 0));
    }

    /** As {@link #store(EventPayload, byte[], Instant, String)}, with the payload serialised by {@code EventJson}. */
    public Uni<Boolean> store(EventPayload state, Instant stateTime, String eventId) {
        return store(state, EventJson.toBytes(state), stateTime, eventId);
    }

    /**
     * Deletes an aggregate from the copy: what a tombstone on the compacted topic means.
     *
     * @return whether a row was deleted
     */
    public Uni<Boolean> delete(OrgKind kind, String id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        return sessionFactory.withTransaction(session -> session.createNativeQuery(DELETE)
                .setParameter("kind", kind.key())
                .setParameter("id", id)
                .executeUpdate()
                .map(rows -> rows > 0));
    }

    /** The columns of an aggregate's row besides its state. */
    private record Row(OrgKind kind, String id, String brandId, String vendorId, boolean active) {

        static Row of(EventPayload state) {
            if (state instanceof BrandChanged brand) {
                return new Row(OrgKind.BRAND, brand.brandId(), brand.brandId(), null, brand.active());
            }
            if (state instanceof ShopChanged shop) {
                return new Row(OrgKind.SHOP, shop.shopId(), shop.brandId(), null, shop.active());
            }
            if (state instanceof VendorChanged vendor) {
                return new Row(OrgKind.VENDOR, vendor.vendorId(), null, vendor.vendorId(), vendor.active());
            }
            if (state instanceof TeamChanged team) {
                return new Row(OrgKind.TEAM, team.teamId(), null, team.vendorId(), team.active());
            }
            if (state instanceof AgentChanged agent) {
                return new Row(OrgKind.AGENT, agent.agentId(), null, agent.vendorId(), agent.active());
            }
            if (state instanceof EngagementChanged engagement) {
                return new Row(
                        OrgKind.ENGAGEMENT,
                        engagement.engagementId(),
                        engagement.brandId(),
                        engagement.vendorId(),
                        engagement.active());
            }
            throw new IllegalArgumentException("not an organisation state: "
                    + (state == null ? "null" : state.getClass().getName()));
        }
    }
}

package com.bpo.kit.org;

import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.org.BrandChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads the service's copy of the organisation ({@code kit_org_state}, built from {@code org.events}): the current
 * state of every brand, shop, vendor, team, agent and engagement as last published. SQL that needs organisation data
 * (KPI groups, variants) joins the table itself; this is what Java code needs.
 *
 * <p>The copy follows {@code org.events}, so a change made in agent-service shows here shortly after, not at once.
 * Reads go through the reactive session of the current Vert.x context when there is one, so that a read inside an
 * open transaction never waits for a second pooled connection.
 */
@ApplicationScoped
public class OrgCopy {

    /** The zone of a brand that is unknown or names none (ARCHITECTURE section 5). */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String STATE = "select cast(state as text) from kit_org_state where kind = :kind and id = :id";

    private static final String TIME_ZONE =
            "select state->>'timeZone' from kit_org_state where kind = 'brand' and id = :brandId";

    private static final String SHOPS_OF_BRAND =
            """
            select id from kit_org_state
             where kind = 'shop' and brand_id = :brandId and id in (:shopIds)""";

    private static final String TEAM_OF_AGENT =
            "select state->>'teamId' from kit_org_state where kind = 'agent' and id = :agentId";

    private final Mutiny.SessionFactory sessionFactory;

    OrgCopy(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * The current state of an aggregate, e.g. {@code find(EngagementChanged.class, "e-1")}.
     *
     * @param type the payload record of the kind wanted ({@link OrgKind#payloadType()})
     * @return the state as last published, or empty when the copy does not hold it (unknown, or deleted)
     */
    public <T extends EventPayload> Uni<Optional<T>> find(Class<T> type, String id) {
        OrgKind kind = OrgKind.ofPayloadType(type);
        Objects.requireNonNull(id, "id");
        return sessionFactory
                .withSession(session -> session.createNativeQuery(STATE, String.class)
                        .setParameter("kind", kind.key())
                        .setParameter("id", id)
                        .getResultList())
                .map(rows -> rows.stream()
                        .findFirst()
                        .map(json -> EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), type)));
    }

    /**
     * The zone the brand's KPIs are computed in: its {@link BrandChanged#timeZone()}, or {@link #DEFAULT_TIME_ZONE}
     * when the brand is unknown (the contract requires a zone for every brand).
     */
    public Uni<ZoneId> timeZone(String brandId) {
        Objects.requireNonNull(brandId, "brandId");
        return sessionFactory
                .withSession(session -> session.createNativeQuery(TIME_ZONE, String.class)
                        .setParameter("brandId", brandId)
                        .getResultList())
                .map(rows -> rows.stream()
                        .filter(Objects::nonNull)
                        .findFirst()
                        .map(ZoneId::of)
                        .orElse(DEFAULT_TIME_ZONE));
    }

    /**
     * Which of {@code shopIds} are shops of {@code brandId}, in one query (for a whole ingestion batch). A
     * deactivated shop still belongs to its brand: facts about it (late orders, ratings) stay the brand's.
     */
    public Uni<Set<String>> shopsOfBrand(String brandId, Collection<String> shopIds) {
        Objects.requireNonNull(brandId, "brandId");
        List<String> wanted =
                shopIds.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return sessionFactory.withSession(session -> session.createNativeQuery(SHOPS_OF_BRAND, String.class)
                .setParameter("brandId", brandId)
                .setParameter("shopIds", wanted)
                .getResultList()
                .map(Set::copyOf));
    }

    /** Whether {@code shopId} is a shop of {@code brandId}; see {@link #shopsOfBrand}. */
    public Uni<Boolean> shopBelongsTo(String brandId, String shopId) {
        Objects.requireNonNull(shopId, "shopId");
        return shopsOfBrand(brandId, List.of(shopId)).map(shops -> shops.contains(shopId));
    }

    /** The team of the agent's current state; empty when the agent is unknown or in no team. */
    public Uni<Optional<String>> teamOf(String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        return sessionFactory
                .withSession(session -> session.createNativeQuery(TEAM_OF_AGENT, String.class)
                        .setParameter("agentId", agentId)
                        .getResultList())
                .map(rows -> rows.stream().filter(Objects::nonNull).findFirst());
    }
}

package com.bpo.agent.ingest;

import com.bpo.contracts.Channel;
import com.bpo.kit.ingest.BatchLine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a batch of received records needs to know about the organisation, loaded with one query per kind: the brand
 * of each shop, the engagements that serve those shops on one channel, and the vendor of each agent. Shops and
 * engagements are read in the caller's tenant transaction, so shops of brands outside the caller's scope are simply
 * not found.
 */
public final class Routing {

    /** An active engagement serving a brand's shops on the channel of the batch. */
    public record Serving(
            String engagementId,
            String brandId,
            String vendorId,
            Set<String> shopIds,
            int responseThresholdSeconds,
            Instant validFrom,
            Instant validTo) {

        /** An engagement without shops serves every shop of its brand. */
        boolean serves(String shopId, Instant at) {
            return (shopIds.isEmpty() || shopIds.contains(shopId))
                    && (validFrom == null || !at.isBefore(validFrom))
                    && (validTo == null || at.isBefore(validTo));
        }
    }

    /** Where a record goes: its brand, the vendor serving it and the engagement it is served under. */
    public record Route(String brandId, String vendorId, Serving engagement) {}

    /** Why a record cannot be taken: the field to blame and a message for the sender. */
    public record Refusal(String field, String message) {}

    /** Either a route or a refusal. */
    public record Decision(Route route, Refusal refusal) {

        static Decision to(Route route) {
            return new Decision(route, null);
        }

        static Decision refused(String field, String message) {
            return new Decision(null, new Refusal(field, message));
        }

        public boolean routed() {
            return route != null;
        }
    }

    private record AgentFacts(String vendorId, boolean active) {}

    /** A source that names the vendor of a record; its wording is only built for a refusal. */
    private record Claim(String vendorId, Source source) {

        String field() {
            return source == Source.AGENT ? "agentId" : "vendorId";
        }

        String what(String agentId) {
            return switch (source) {
                case AGENT -> "agent " + agentId + " works for vendor " + vendorId;
                case NAMED -> "the record names vendor " + vendorId;
                case CALLER -> "you act for vendor " + vendorId;
                case KNOWN -> "vendor " + vendorId + " serves it already";
            };
        }
    }

    private enum Source {
        AGENT,
        NAMED,
        CALLER,
        KNOWN
    }

    private final Channel channel;
    private final Map<String, String> brandOfShop;
    private final Map<String, List<Serving>> servingByBrand;
    private final Map<String, AgentFacts> agents;

    private Routing(
            Channel channel,
            Map<String, String> brandOfShop,
            Map<String, List<Serving>> servingByBrand,
            Map<String, AgentFacts> agents) {
        this.channel = channel;
        this.brandOfShop = brandOfShop;
        this.servingByBrand = servingByBrand;
        this.agents = agents;
    }

    /** Loads what records naming {@code shopIds} and {@code agentIds} need, on an open tenant transaction. */
    public static Uni<Routing> load(
            SqlConnection transaction, Channel channel, Collection<String> shopIds, Collection<String> agentIds) {
        Map<String, String> brandOfShop = new HashMap<>();
        Map<String, List<Serving>> servingByBrand = new HashMap<>();
        Map<String, AgentFacts> agents = new HashMap<>();
        return transaction
                .preparedQuery("select id, brand_id from shop where id = any($1) and active")
                .execute(Tuple.of(shopIds.toArray(String[]::new)))
                .chain(shops -> {
                    shops.forEach(row -> brandOfShop.put(row.getString("id"), row.getString("brand_id")));
                    return transaction
                            .preparedQuery("select id, brand_id, vendor_id, shop_ids, response_threshold_seconds,"
                                    + " valid_from, valid_to from engagement"
                                    + " where brand_id = any($1) and active and $2 = any(channels)")
                            .execute(Tuple.of(
                                    brandOfShop.values().stream().distinct().toArray(String[]::new), channel.name()));
                })
                .chain(engagements -> {
                    engagements.forEach(row -> {
                        Serving serving = serving(row);
                        servingByBrand
                                .computeIfAbsent(serving.brandId(), brand -> new ArrayList<>())
                                .add(serving);
                    });
                    return transaction
                            .preparedQuery("select id, vendor_id, active from agent where id = any($1)")
                            .execute(Tuple.of(agentIds.toArray(String[]::new)));
                })
                .map(rows -> {
                    rows.forEach(row -> agents.put(
                            row.getString("id"), new AgentFacts(row.getString("vendor_id"), row.getBoolean("active"))));
                    return new Routing(channel, brandOfShop, servingByBrand, agents);
                });
    }

    /** Loads what a batch needs, naming each record's shop and (possibly null) agent through the two accessors. */
    public static <R> Uni<Routing> loadFor(
            SqlConnection transaction,
            Channel channel,
            Collection<BatchLine<R>> lines,
            Function<R, String> shopOf,
            Function<R, String> agentOf) {
        Set<String> shopIds = new HashSet<>();
        Set<String> agentIds = new HashSet<>();
        for (BatchLine<R> line : lines) {
            shopIds.add(shopOf.apply(line.record()));
            String agentId = agentOf.apply(line.record());
            if (agentId != null) {
                agentIds.add(agentId);
            }
        }
        return load(transaction, channel, shopIds, agentIds);
    }

    /**
     * Which of the records' ids a table holds already, as {@link #brandKey}s. Ids are unique only within a brand, so
     * each is looked up with the brand of its record's shop; records of shops not found are left out.
     *
     * @param table and {@code idColumn} are constants of the caller, never input
     */
    public <R> Uni<Set<String>> storedIds(
            SqlConnection transaction,
            String table,
            String idColumn,
            Collection<BatchLine<R>> lines,
            Function<R, String> shopOf,
            Function<R, String> idOf) {
        List<String> brands = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (BatchLine<R> line : lines) {
            String brandId = brandOf(shopOf.apply(line.record()));
            if (brandId != null) {
                brands.add(brandId);
                ids.add(idOf.apply(line.record()));
            }
        }
        return transaction
                .preparedQuery("select t.brand_id, t." + idColumn + " as id from " + table + " t"
                        + " join unnest($1::text[], $2::text[]) as wanted(brand_id, " + idColumn + ")"
                        + " using (brand_id, " + idColumn + ")")
                .execute(Tuple.of(brands.toArray(String[]::new), ids.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> stored = new HashSet<>();
                    rows.forEach(row -> stored.add(brandKey(row.getString("brand_id"), row.getString("id"))));
                    return stored;
                });
    }

    /** A map key for an id that is unique only within its brand (messages, conversations, calls). */
    public static String brandKey(String brandId, String id) {
        return brandId + '\u0000' + id;
    }

    /** The brand of a visible, active shop, or null. */
    public String brandOf(String shopId) {
        return brandOfShop.get(shopId);
    }

    /** The vendor of a known agent, or null. */
    public String vendorOf(String agentId) {
        AgentFacts agent = agents.get(agentId);
        return agent == null ? null : agent.vendorId();
    }

    /**
     * Decides the vendor a record is served by, from the most to the least explicit source: the agent who handled it,
     * the vendor the sender named, the calling vendor, the vendor already serving the conversation or call, and last
     * the only engagement serving the shop on this channel at that time.
     *
     * @param agentId the record's agent, or null
     * @param namedVendorId the vendor the record names, or null
     * @param callerVendorId the vendor of a vendor caller, or null for brand and platform callers
     * @param knownVendorId the vendor already serving the record's conversation, or null
     * @param at when the record happened; the engagement must be valid then
     */
    public Decision route(
            String shopId,
            String agentId,
            String namedVendorId,
            String callerVendorId,
            String knownVendorId,
            Instant at) {
        String brandId = brandOf(shopId);
        if (brandId == null) {
            return Decision.refused("shopId", "unknown shop, inactive, or not in your scope: " + shopId);
        }
        // Every route decision of a batch passes here: no wording, lists or streams unless a record is refused.
        Claim deciding = null;
        Claim disagreeing = null;
        if (agentId != null) {
            AgentFacts agent = agents.get(agentId);
            if (agent == null || !agent.active()) {
                return Decision.refused("agentId", "unknown or inactive agent: " + agentId);
            }
            deciding = new Claim(agent.vendorId(), Source.AGENT);
        }
        for (Claim claim : new Claim[] {
            claim(namedVendorId, Source.NAMED), claim(callerVendorId, Source.CALLER), claim(knownVendorId, Source.KNOWN)
        }) {
            if (claim == null) {
                continue;
            }
            if (deciding == null) {
                deciding = claim;
            } else if (disagreeing == null && !claim.vendorId().equals(deciding.vendorId())) {
                disagreeing = claim;
            }
        }
        if (disagreeing != null) {
            return Decision.refused(deciding.field(), deciding.what(agentId) + ", but " + disagreeing.what(agentId));
        }
        List<Serving> ofBrand = servingByBrand.getOrDefault(brandId, List.of());
        if (deciding == null) {
            Serving only = null;
            int serving = 0;
            for (Serving engagement : ofBrand) {
                if (engagement.serves(shopId, at)) {
                    only = engagement;
                    serving++;
                }
            }
            if (serving == 1) {
                return Decision.to(new Route(brandId, only.vendorId(), only));
            }
            return serving == 0
                    ? Decision.refused("shopId", noEngagement(shopId, at))
                    : Decision.refused(
                            "vendorId",
                            "required: several vendors serve shop " + shopId + " on " + channel
                                    + "; name the vendor or send an agent's message first");
        }
        String vendor = deciding.vendorId();
        for (Serving engagement : ofBrand) {
            if (engagement.vendorId().equals(vendor) && engagement.serves(shopId, at)) {
                return Decision.to(new Route(brandId, vendor, engagement));
            }
        }
        return Decision.refused(
                deciding.field(),
                "vendor " + vendor + " has no active engagement serving shop " + shopId + " on " + channel + " at "
                        + at);
    }

    private static Claim claim(String vendorId, Source source) {
        return vendorId == null ? null : new Claim(vendorId, source);
    }

    private String noEngagement(String shopId, Instant at) {
        return "no active engagement serves shop " + shopId + " on " + channel + " at " + at;
    }

    private static Serving serving(Row row) {
        OffsetDateTime validFrom = row.getOffsetDateTime("valid_from");
        OffsetDateTime validTo = row.getOffsetDateTime("valid_to");
        return new Serving(
                row.getString("id"),
                row.getString("brand_id"),
                row.getString("vendor_id"),
                Set.of(row.getArrayOfStrings("shop_ids")),
                row.getInteger("response_threshold_seconds"),
                validFrom == null ? null : validFrom.toInstant(),
                validTo == null ? null : validTo.toInstant());
    }
}

package com.bpo.bench;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.org.AgentChanged;
import com.bpo.contracts.org.Attribution;
import com.bpo.contracts.org.BrandChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.EngagementRole;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.Platform;
import com.bpo.contracts.org.ServiceWindow;
import com.bpo.contracts.org.ShopChanged;
import com.bpo.contracts.org.SlaTargets;
import com.bpo.contracts.org.TeamChanged;
import com.bpo.contracts.org.VendorChanged;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation the analytics benchmark publishes on {@code org.events}, as agent-service would: brand
 * {@code brand-bench} (Asia/Shanghai) with three shops served by two vendors (two teams of ten agents each), one
 * engagement per vendor with its own KPI variants, and a probe brand with one shop whose inquiry count the freshness
 * phase watches.
 */
record AnalyticsOrganisation(
        String brandId,
        ZoneId timeZone,
        List<String> shopIds,
        Map<String, String> vendorOfShop,
        Map<String, List<String>> agentsOfVendor,
        Map<String, String> teamOfAgent,
        String probeBrandId,
        String probeShopId,
        String probeVendorId) {

    static final String BRAND = "brand-bench";
    static final String PROBE_BRAND = "brand-bench-probe";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int AGENTS_PER_TEAM = 10;

    private static final List<String> VENDORS = List.of("vendor-bench-starcall", "vendor-bench-bluesky");
    private static final List<String> SHOPS = List.of("shop-bench-tmall", "shop-bench-jd", "shop-bench-douyin");

    static AnalyticsOrganisation standard() {
        Map<String, String> vendorOfShop = Map.of(
                SHOPS.get(0), VENDORS.get(0),
                SHOPS.get(1), VENDORS.get(0),
                SHOPS.get(2), VENDORS.get(1));
        Map<String, List<String>> agents = new LinkedHashMap<>();
        Map<String, String> teams = new LinkedHashMap<>();
        for (String vendor : VENDORS) {
            List<String> ofVendor = new ArrayList<>();
            for (int team = 1; team <= 2; team++) {
                String teamId = vendor.replace("vendor-", "team-") + "-" + team;
                for (int agent = 1; agent <= AGENTS_PER_TEAM; agent++) {
                    String agentId = vendor.replace("vendor-", "agent-") + "-" + team + "-" + agent;
                    ofVendor.add(agentId);
                    teams.put(agentId, teamId);
                }
            }
            agents.put(vendor, List.copyOf(ofVendor));
        }
        return new AnalyticsOrganisation(
                BRAND,
                ZONE,
                SHOPS,
                vendorOfShop,
                Map.copyOf(agents),
                Map.copyOf(teams),
                PROBE_BRAND,
                "shop-bench-probe",
                VENDORS.get(0));
    }

    String engagementOf(String vendorId) {
        return "eng-" + brandId + "-" + vendorId;
    }

    /** Every organisation event, aggregates before the ones that refer to them. */
    List<EventPayload> events() {
        List<EventPayload> events = new ArrayList<>();
        events.add(new BrandChanged(brandId, "Bench Zongzi", timeZone, true));
        events.add(new BrandChanged(probeBrandId, "Bench Probe", timeZone, true));
        Platform[] platforms = {Platform.TMALL, Platform.JD, Platform.DOUYIN};
        for (int i = 0; i < shopIds.size(); i++) {
            events.add(new ShopChanged(shopIds.get(i), brandId, platforms[i], "Bench shop " + (i + 1), true));
        }
        events.add(new ShopChanged(probeShopId, probeBrandId, Platform.OWN_SITE, "Bench probe shop", true));
        for (String vendor : VENDORS) {
            events.add(new VendorChanged(vendor, vendor, true));
        }
        teamOfAgent.values().stream()
                .distinct()
                .sorted()
                .forEach(team -> events.add(new TeamChanged(team, vendorOfTeam(team), team, true)));
        agentsOfVendor.forEach((vendor, agents) -> agents.forEach(agent -> events.add(new AgentChanged(
                agent, vendor, teamOfAgent.get(agent), "user-" + agent, agent, List.of("chat"), 5, true))));
        List<ServiceWindow> hours =
                List.of(new ServiceWindow(List.of(DayOfWeek.values()), LocalTime.of(8, 0), LocalTime.of(23, 0)));
        Instant validFrom = Instant.parse("2026-01-01T00:00:00Z");
        for (String vendor : VENDORS) {
            List<String> shops = shopIds.stream()
                    .filter(shop -> vendorOfShop.get(shop).equals(vendor))
                    .toList();
            // The two vendors are measured with different variants, as brands agree them per engagement.
            boolean first = vendor.equals(VENDORS.get(0));
            KpiVariants variants = first
                    ? new KpiVariants(30, 1, Attribution.LAST_REPLIER, 20, 5)
                    : new KpiVariants(60, 3, Attribution.LAST_REPLIER, 30, 5);
            events.add(new EngagementChanged(
                    engagementOf(vendor),
                    brandId,
                    vendor,
                    shops,
                    first ? List.of(Channel.CHAT) : List.of(Channel.CHAT, Channel.PHONE),
                    List.of(EngagementRole.PRE_SALES, EngagementRole.AFTER_SALES),
                    hours,
                    timeZone,
                    true,
                    validFrom,
                    null,
                    new SlaTargets(30, 45, new BigDecimal("0.95"), new BigDecimal("0.80"), null, null, 1440, null),
                    variants));
        }
        events.add(new EngagementChanged(
                "eng-" + probeBrandId,
                probeBrandId,
                probeVendorId,
                List.of(probeShopId),
                List.of(Channel.CHAT),
                List.of(EngagementRole.PRE_SALES),
                hours,
                timeZone,
                true,
                validFrom,
                null,
                SlaTargets.NONE,
                KpiVariants.DEFAULTS));
        return events;
    }

    private String vendorOfTeam(String teamId) {
        return teamOfAgent.entrySet().stream()
                .filter(entry -> entry.getValue().equals(teamId))
                .map(entry -> agentsOfVendor.entrySet().stream()
                        .filter(vendor -> vendor.getValue().contains(entry.getKey()))
                        .findFirst()
                        .orElseThrow()
                        .getKey())
                .findFirst()
                .orElseThrow();
    }
}

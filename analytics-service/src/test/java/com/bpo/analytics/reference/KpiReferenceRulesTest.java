package com.bpo.analytics.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.org.BrandChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.EngagementRole;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.SlaTargets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single rules of the definitions page, each on a few hand-made events. */
class KpiReferenceRulesTest {

    private static final String BRAND = "b-1";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void engagementIsTheSmallestIdServingTheShopElseTheVendorsSmallest() {
        List<EventPayload> events = new ArrayList<>(List.of(
                engagement("e-2", "v-1", List.of("shop-a"), 45),
                engagement("e-1", "v-1", List.of("shop-b"), 50),
                engagement("e-3", "v-1", List.of("shop-a"), 55)));
        events.addAll(inquiry("c-a", "v-1", "shop-a", "2026-06-01T02:00:00Z"));
        events.addAll(inquiry("c-b", "v-1", "shop-b", "2026-06-01T03:00:00Z"));
        events.addAll(inquiry("c-c", "v-1", "shop-c", "2026-06-01T04:00:00Z"));
        events.addAll(inquiry("c-d", "v-2", "shop-a", "2026-06-01T05:00:00Z"));

        List<ReferenceRow> rows = new KpiReference(events)
                .compute(query(List.of("engagement"), List.of("inquiries", "withinThresholdRate")), NOW);

        // shop-c is served by no engagement of v-1, so it takes v-1's smallest (e-1); v-2 has none: defaults (30 s)
        assertThat(rows)
                .extracting(
                        row -> row.group().get("engagement"),
                        row -> row.kpi("inquiries").value().intValueExact(),
                        row -> row.kpi("withinThresholdRate").variant())
                .containsExactly(
                        tuple(null, 1, "threshold=30s"),
                        tuple("e-1", 2, "threshold=50s"),
                        tuple("e-2", 1, "threshold=45s"));
    }

    @Test
    void theFirstDeliveryOfAMessageWins() {
        List<EventPayload> events = new ArrayList<>(inquiry("c-1", "v-1", "shop-a", "2026-06-01T02:00:00Z"));
        // a second delivery of the reply with another time changes nothing: the first delivery of the key counts
        events.add(message("c-1-reply", "c-1", "v-1", "shop-a", Sender.AGENT, "agent-1", "2026-06-01T02:10:00Z"));

        ReferenceRow row = new KpiReference(events)
                .compute(query(List.of(), List.of("firstResponseSeconds")), NOW)
                .get(0);

        assertThat(row.kpi("firstResponseSeconds").numerator()).isEqualByComparingTo("10");
    }

    @Test
    void daysAreLocalToTheBrandsTimeZone() {
        List<EventPayload> events = new ArrayList<>();
        events.add(new BrandChanged(BRAND, "Brand", ZoneId.of("Europe/Berlin"), true));
        // 23:30 UTC on May 31 is 01:30 on June 1 in Berlin (summer time), and 07:30 on June 1 in Shanghai
        events.addAll(inquiry("c-1", "v-1", "shop-a", "2026-05-31T23:30:00Z"));

        List<ReferenceRow> rows = new KpiReference(events).compute(query(List.of("hour"), List.of("inquiries")), NOW);

        assertThat(rows).extracting(row -> row.group().get("hour")).containsExactly("2026-06-01T01:00");
    }

    @Test
    void anUnknownBrandCountsInShanghaiTime() {
        // 16:30 UTC on June 1 is 00:30 on June 2 in Shanghai: outside a June 1 query
        List<EventPayload> events = new ArrayList<>(inquiry("c-1", "v-1", "shop-a", "2026-06-01T16:30:00Z"));
        events.addAll(inquiry("c-2", "v-1", "shop-a", "2026-06-01T15:59:59Z"));

        List<ReferenceRow> rows = new KpiReference(events).compute(query(List.of("day"), List.of("inquiries")), NOW);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.group().get("day")).isEqualTo("2026-06-01");
            assertThat(row.kpi("inquiries").value()).isEqualByComparingTo("1");
        });
    }

    @Test
    void responseSecondsAreRoundedDown() {
        List<EventPayload> events = List.of(
                message("m-1", "c-1", "v-1", "shop-a", Sender.CUSTOMER, null, "2026-06-01T02:00:00.900Z"),
                message("m-2", "c-1", "v-1", "shop-a", Sender.AGENT, "agent-1", "2026-06-01T02:00:30.899Z"));

        ReferenceRow row = new KpiReference(events)
                .compute(query(List.of(), List.of("firstResponseSeconds", "withinThresholdRate")), NOW)
                .get(0);

        // 29.999 s counts as 29 s
        assertThat(row.kpi("firstResponseSeconds").numerator()).isEqualByComparingTo("29");
        assertThat(row.kpi("withinThresholdRate").value()).isEqualByComparingTo("1");
    }

    private static ReferenceQuery query(List<String> groupBy, List<String> kpis) {
        return ReferenceQuery.of(BRAND, DAY, DAY, groupBy, kpis);
    }

    private static EngagementChanged engagement(String id, String vendor, List<String> shops, int threshold) {
        return new EngagementChanged(
                id,
                BRAND,
                vendor,
                shops,
                List.of(Channel.CHAT),
                List.of(EngagementRole.PRE_SALES),
                List.of(),
                null,
                false,
                null,
                null,
                SlaTargets.NONE,
                new KpiVariants(threshold, null, null, null, null));
    }

    /** A customer message and an agent reply 10 seconds later. */
    private static List<EventPayload> inquiry(String conversation, String vendor, String shop, String at) {
        Instant start = Instant.parse(at);
        return List.of(
                message(conversation + "-ask", conversation, vendor, shop, Sender.CUSTOMER, null, at),
                message(
                        conversation + "-reply",
                        conversation,
                        vendor,
                        shop,
                        Sender.AGENT,
                        "agent-1",
                        start.plusSeconds(10).toString()));
    }

    private static MessageSent message(
            String id, String conversation, String vendor, String shop, Sender sender, String agent, String at) {
        return new MessageSent(
                id,
                conversation,
                BRAND,
                vendor,
                shop,
                Channel.CHAT,
                "customer-" + conversation,
                sender,
                agent,
                Instant.parse(at),
                "text",
                false);
    }
}

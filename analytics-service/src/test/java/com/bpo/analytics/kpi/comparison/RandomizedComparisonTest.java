package com.bpo.analytics.kpi.comparison;

import static com.bpo.analytics.testing.Facts.params;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.analytics.reference.KpiReference;
import com.bpo.analytics.reference.RandomTraffic;
import com.bpo.analytics.reference.ReferenceQuery;
import com.bpo.analytics.reference.ReferenceRow;
import com.bpo.analytics.testing.ConsumerCatchUp;
import com.bpo.analytics.testing.IdPrefix;
import com.bpo.analytics.testing.KpiApi;
import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.OrgFixture;
import com.bpo.analytics.testing.TimeShift;
import com.bpo.contracts.EventPayload;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.org.OrgKind;
import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The streaming engine against the reference computation on seeded random traffic of two brands (one in Shanghai, one
 * in Berlin): a few thousand events with duplicates, swapped neighbours and late deliveries go through Kafka into the
 * service, and every row, KPI, numerator, denominator, variant and final flag of {@code GET /api/v1/kpis} must equal
 * what {@link KpiReference#compute} gives for the same deliveries.
 *
 * <p>The seed is logged; {@code -Dkpi.comparison.seed=<n>} replays another one. Ids carry the prefix {@value #PREFIX},
 * so that the traffic's fixed ids meet no other test's data in the shared broker and database.
 *
 * <p>The traffic's days lie months back, where every value is final. The service reads the real clock (the API has no
 * "now"), so finality is compared on a second, smaller copy of the traffic (prefix {@value #RECENT_PREFIX}) moved to
 * the last few days, where values of different days and KPIs are final or still open; each such comparison asks the
 * reference as of just before and just after the API's answer and is repeated if a finality moment fell between.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
class RandomizedComparisonTest {

    static final String PREFIX = "cmp-";
    static final String RECENT_PREFIX = "cmp-recent-";
    static final String SEED_PROPERTY = "kpi.comparison.seed";
    static final long DEFAULT_SEED = 20261123L;
    /** About 2,900 events per brand once duplicates are added: enough for every rule, small for 2 cores. */
    static final int CONVERSATIONS_PER_BRAND = 200;
    /** The copy around today only needs every family on a few days. */
    static final int RECENT_CONVERSATIONS_PER_BRAND = 60;

    static final String BRAND_ONE = PREFIX + RandomTraffic.BRAND_ONE;
    static final String BRAND_TWO = PREFIX + RandomTraffic.BRAND_TWO;
    static final String VENDOR = PREFIX + "v-east";
    static final String AGENT_VENDOR = PREFIX + "v-west";
    static final String AGENT = PREFIX + "v-west-agent-2";

    /** Inquiries run over three local days; orders, payments and refunds up to ten days after. */
    private static final LocalDate FROM = RandomTraffic.FIRST_DAY.minusDays(1);

    private static final LocalDate TO = RandomTraffic.LAST_DAY.plusDays(10);

    private static final IdPrefix IDS = new IdPrefix(PREFIX);
    private static final IdPrefix RECENT_IDS = new IdPrefix(RECENT_PREFIX);

    @Inject
    FactPublisher publisher;

    @Inject
    EventProducer producer;

    private KpiReference reference;
    private KpiReference recentReference;
    /** The first local day of the copy around today: three days ago. */
    private LocalDate recentFirstDay;

    @BeforeAll
    void publishTheTraffic() {
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        Log.infof("Randomized KPI comparison with seed %d (-D%s=%d replays it)", seed, SEED_PROPERTY, seed);
        List<EventPayload> deliveries = IDS.events(new RandomTraffic(seed, CONVERSATIONS_PER_BRAND).deliveries());
        reference = new KpiReference(deliveries);

        recentFirstDay = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        TimeShift toRecentDays =
                new TimeShift(Duration.ofDays(ChronoUnit.DAYS.between(RandomTraffic.FIRST_DAY, recentFirstDay)));
        List<EventPayload> recentDeliveries = toRecentDays.events(
                RECENT_IDS.events(new RandomTraffic(seed, RECENT_CONVERSATIONS_PER_BRAND).deliveries()));
        recentReference = new KpiReference(recentDeliveries);

        publish(deliveries);
        publish(recentDeliveries);
        ConsumerCatchUp.awaitApplied(Duration.ofSeconds(90));
    }

    /** The traffic delivers every organisation state before the facts: the states first, then the facts. */
    private void publish(List<EventPayload> deliveries) {
        List<EventPayload> organisation = deliveries.stream()
                .filter(event -> OrgKind.of(event).isPresent())
                .toList();
        List<EventPayload> facts =
                deliveries.stream().filter(event -> OrgKind.of(event).isEmpty()).toList();
        assertThat(deliveries.subList(0, organisation.size())).isEqualTo(organisation);
        new OrgFixture(producer).publish(organisation).awaitStored();
        new KpiEvents(publisher).publish(facts);
    }

    @Test
    void everyKpiByVendorMatchesTheReference() {
        compareForEachBrand("vendor", FROM, TO);
    }

    @Test
    void everyKpiByVendorAndDayMatchesTheReference() {
        compareForEachBrand("vendor,day", FROM, TO);
    }

    @Test
    void everyKpiByAgentMatchesTheReference() {
        compareForEachBrand("agent", FROM, TO);
    }

    @Test
    void everyKpiByTeamAndHourMatchesTheReference() {
        compareForEachBrand("team,hour", FROM, TO);
    }

    @Test
    void everyKpiByShopAndChannelMatchesTheReference() {
        compareForEachBrand("shop,channel", FROM, TO);
    }

    @Test
    void everyKpiByEngagementMatchesTheReference() {
        compareForEachBrand("engagement", FROM, TO);
    }

    @Test
    void everyKpiOfTheWholeBrandMatchesTheReference() {
        compareForEachBrand("brand", FROM, TO);
    }

    /** One middle day: members and orders just outside the range still decide which orders are silent. */
    @Test
    void aSingleMiddleDayMatchesTheReference() {
        LocalDate middle = RandomTraffic.FIRST_DAY.plusDays(1);
        compareForEachBrand("vendor,shop", middle, middle);
    }

    /**
     * Conversion without silent sales is computed from the range's cohort members alone: on one middle day, with
     * members of the day before whose windows reach into it, every value must still match.
     */
    @Test
    void conversionWithoutSilentSalesOnAMiddleDayMatchesTheReference() {
        LocalDate middle = RandomTraffic.FIRST_DAY.plusDays(1);
        List<String> differences = new ArrayList<>();
        for (String brand : List.of(BRAND_ONE, BRAND_TWO)) {
            for (List<String> groupBy : List.<List<String>>of(List.of("vendor", "shop"), List.of("agent"))) {
                ReferenceQuery query = ReferenceQuery.of(
                        brand,
                        middle,
                        middle,
                        groupBy,
                        List.of("inquiryConversion", "paidConversion", "averageOrderValue"));
                differences.addAll(
                        compare(reference, "conversion by " + groupBy + " on " + middle + " of " + brand, query));
            }
        }
        assertThat(differences)
                .withFailMessage(ReportComparison.describe(differences))
                .isEmpty();
    }

    /** Rows exist only for groups with records of the requested KPIs' families. */
    @Test
    void aFewKpisOfThreeFamiliesMatchTheReference() {
        List<String> differences = new ArrayList<>();
        for (String brand : List.of(BRAND_ONE, BRAND_TWO)) {
            ReferenceQuery query = ReferenceQuery.of(
                    brand, FROM, TO, List.of("vendor", "day"), List.of("complaintRate", "silentSales", "csat"));
            differences.addAll(compare(reference, "complaintRate,silentSales,csat by vendor,day of " + brand, query));
        }
        assertThat(differences)
                .withFailMessage(ReportComparison.describe(differences))
                .isEmpty();
    }

    @Test
    void finalityAroundTodayMatchesTheReference() {
        String recentOne = RECENT_PREFIX + RandomTraffic.BRAND_ONE;
        String recentTwo = RECENT_PREFIX + RandomTraffic.BRAND_TWO;
        LocalDate from = recentFirstDay.minusDays(1);
        LocalDate to = recentFirstDay.plusDays(12);
        List<String> differences = new ArrayList<>();
        Set<Boolean> finalFlags = new HashSet<>();
        for (String brand : List.of(recentOne, recentTwo)) {
            for (List<String> groupBy :
                    List.<List<String>>of(List.of("vendor", "day"), List.of("engagement", "hour"), List.of())) {
                ReferenceQuery query = ReferenceQuery.of(brand, from, to, groupBy, KpiReference.KPI_KEYS);
                differences.addAll(compare(recentReference, groupBy + " of " + brand + " around today", query));
                recentReference
                        .compute(query, Instant.now())
                        .forEach(row -> row.kpis().values().forEach(value -> finalFlags.add(value.finalValue())));
            }
        }
        assertThat(differences)
                .withFailMessage(ReportComparison.describe(differences))
                .isEmpty();
        assertThat(finalFlags).as("both final and open values were compared").containsExactlyInAnyOrder(true, false);
    }

    @Test
    @TestSecurity(user = "east-supervisor", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void aVendorSeesWhatTheReferenceCreditsToItsVendor() {
        List<String> differences = new ArrayList<>();
        for (String brand : List.of(BRAND_ONE, BRAND_TWO)) {
            ReferenceQuery query =
                    new ReferenceQuery(brand, FROM, TO, List.of("agent", "day"), KpiReference.KPI_KEYS, VENDOR, null);
            differences.addAll(compare(reference, "agent,day of " + brand + " as " + VENDOR, query));
        }
        assertThat(differences)
                .withFailMessage(ReportComparison.describe(differences))
                .isEmpty();
    }

    @Test
    @TestSecurity(user = "west-agent", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = AGENT_VENDOR), @Claim(key = "agent_id", value = AGENT)})
    void anAgentSeesWhatTheReferenceCreditsToThemselves() {
        List<String> differences = new ArrayList<>();
        for (String brand : List.of(BRAND_ONE, BRAND_TWO)) {
            ReferenceQuery query =
                    new ReferenceQuery(brand, FROM, TO, List.of("shop", "day"), KpiReference.KPI_KEYS, null, AGENT);
            differences.addAll(compare(reference, "shop,day of " + brand + " as " + AGENT, query));
        }
        assertThat(differences)
                .withFailMessage(ReportComparison.describe(differences))
                .isEmpty();
    }

    private void compareForEachBrand(String groupBy, LocalDate from, LocalDate to) {
        List<String> differences = new ArrayList<>();
        for (String brand : List.of(BRAND_ONE, BRAND_TWO)) {
            ReferenceQuery query =
                    ReferenceQuery.of(brand, from, to, List.of(groupBy.split(",")), KpiReference.KPI_KEYS);
            differences.addAll(compare(reference, groupBy + " of " + brand + " " + from + ".." + to, query));
        }
        assertThat(differences)
                .withFailMessage(ReportComparison.describe(differences))
                .isEmpty();
    }

    /**
     * The API's answer to {@code query} against {@code expected}'s, as of the moment of asking. Final flags depend on
     * the clock, so the reference is asked just before and just after the API; if a finality moment fell between
     * (the two disagree), the comparison is made again.
     */
    private static List<String> compare(KpiReference expected, String name, ReferenceQuery query) {
        Map<String, String> parameters = params(
                "brandId",
                query.brandId(),
                "from",
                query.from().toString(),
                "to",
                query.to().toString(),
                "groupBy",
                String.join(",", query.groupBy()),
                "kpis",
                String.join(",", query.kpis()));
        if (query.vendorScope() != null || query.agentScope() != null) {
            // A scoped caller sees the brand once its vendor's engagement is in the service's copy.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() ->
                            given().queryParams(parameters).get("/api/v1/kpis").statusCode() == 200);
        }
        for (int attempt = 1; ; attempt++) {
            List<ReferenceRow> before = expected.compute(query, Instant.now());
            JsonPath report = KpiApi.report(parameters);
            List<ReferenceRow> after = expected.compute(query, Instant.now());
            if (before.equals(after) || attempt == 3) {
                assertThat(before).as("reference rows of %s", name).isNotEmpty();
                return ReportComparison.differences(name, report, before, true);
            }
        }
    }
}

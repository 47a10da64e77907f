package com.bpo.analytics.kpi.comparison;

import static com.bpo.analytics.testing.Facts.group;
import static com.bpo.analytics.testing.Facts.params;
import static com.bpo.analytics.testing.KpiApi.kpi;
import static com.bpo.analytics.testing.KpiApi.number;
import static com.bpo.analytics.testing.KpiApi.row;
import static com.bpo.analytics.testing.KpiApi.rows;
import static com.bpo.analytics.testing.KpiAssertions.assertCount;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.analytics.reference.ReferenceRow;
import com.bpo.analytics.reference.ReferenceScenario;
import com.bpo.analytics.reference.ReferenceScenario.Expected;
import com.bpo.analytics.reference.ReferenceScenario.ExpectedRow;
import com.bpo.analytics.reference.ReferenceValue;
import com.bpo.analytics.testing.ConsumerCatchUp;
import com.bpo.analytics.testing.IdPrefix;
import com.bpo.analytics.testing.KpiApi;
import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.OrgFixture;
import com.bpo.contracts.EventPayload;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.org.OrgKind;
import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hand-worked reference scenario ({@code docs/kpis.md}, worked example) replayed through the running service:
 * organisation states on {@code org.events}, every fact as a CloudEvent on its topic in the scenario's delivery order
 * with its duplicates and late deliveries, read back through {@code GET /api/v1/kpis} and compared with every
 * hand-worked value, numerator, denominator and variant.
 *
 * <p>The scenario's ids are fixed and global ones (vendors, agents, teams) live in one organisation copy, so every id
 * is published with the prefix {@value #PREFIX}; the expected group values get the same prefix.
 *
 * <p>Finality: the service reads the system clock and the API has no parameter for "now", so the scenario's moment
 * (2026-06-05) cannot be asked for. Finality only ever turns from pending to final as time passes, so a value the
 * scenario calls final must be final now, and every value the scenario calls pending must be final too, because the
 * clock is past the scenario's last finality moment (2026-06-13); the pending-at-that-moment flags themselves are
 * checked only by the reference computation's own test.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
class ReferenceScenarioReplayTest {

    static final String PREFIX = "replay-";
    static final String BRAND = PREFIX + ReferenceScenario.BRAND;
    static final String ALPHA = PREFIX + ReferenceScenario.ALPHA;
    static final String BETA = PREFIX + ReferenceScenario.BETA;
    static final String A_WANG = PREFIX + "a-wang";

    /** The start of the day after the scenario's last finality moment (beta's paid conversion, D2 + 2 + 9). */
    private static final Instant EVERYTHING_FINAL = Instant.parse("2026-06-13T16:00:00Z");

    private static final IdPrefix IDS = new IdPrefix(PREFIX);
    private static final Set<String> ID_KEYS = Set.of("brand", "vendor", "engagement", "team", "agent", "shop");

    @Inject
    FactPublisher publisher;

    @Inject
    EventProducer producer;

    @BeforeAll
    void replayTheScenario() {
        assertThat(Instant.now()).as("the clock is past every finality moment").isAfter(EVERYTHING_FINAL);
        // Runs of organisation states and of facts, in the scenario's order: org.events goes through the fixture,
        // which waits for the organisation copy; facts go through the kit's publisher as their producers send them.
        List<EventPayload> run = new ArrayList<>();
        Boolean organisationRun = null;
        for (EventPayload event : IDS.events(ReferenceScenario.events())) {
            boolean organisation = OrgKind.of(event).isPresent();
            if (organisationRun != null && organisation != organisationRun) {
                publish(run, organisationRun);
                run.clear();
            }
            run.add(event);
            organisationRun = organisation;
        }
        publish(run, organisationRun);
        ConsumerCatchUp.awaitApplied(Duration.ofSeconds(60));
    }

    private void publish(List<EventPayload> run, boolean organisation) {
        if (organisation) {
            new OrgFixture(producer).publish(run).awaitStored();
        } else {
            new KpiEvents(publisher).publish(run);
        }
    }

    @Test
    void everyKpiByVendorMatchesTheHandWorkedValues() {
        JsonPath report = report(List.of("vendor"), ReferenceScenario.ALL_KPIS);

        // sorted by code points, the group without a vendor last
        assertThat(rows(report))
                .extracting(row -> row.get("group"))
                .containsExactly(group("vendor", ALPHA), group("vendor", BETA), group("vendor", null));
        assertMatches("vendor", report, ReferenceScenario.byVendor(), List.of("vendor"), true);
    }

    @Test
    void vendorAndAgentRowsMatchTheHandWorkedValues() {
        List<ExpectedRow> expected = ReferenceScenario.byVendorAndAgent();

        JsonPath report = report(List.of("vendor", "agent"), kpisOf(expected));

        assertMatches("vendor,agent", report, expected, List.of("vendor", "agent"), false);
    }

    @Test
    void dayRowsMatchTheHandWorkedValues() {
        List<ExpectedRow> expected = ReferenceScenario.byDay();

        JsonPath report = report(List.of("day"), kpisOf(expected));

        assertMatches("day", report, expected, List.of("day"), true);
    }

    @Test
    void teamIsTheAgentsCurrentTeam() {
        List<ExpectedRow> expected = ReferenceScenario.byTeam();

        JsonPath report = report(List.of("team"), kpisOf(expected));

        assertMatches("team", report, expected, List.of("team"), true);
    }

    @Test
    @TestSecurity(user = "beta-supervisor", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = BETA))
    void vendorSeesExactlyItsOwnHandWorkedRow() {
        JsonPath report = scopedReport(List.of("vendor"), ReferenceScenario.ALL_KPIS);

        assertMatches(
                "vendor as " + BETA,
                report,
                List.of(ReferenceScenario.byVendor().get(2)),
                List.of("vendor"),
                true);
    }

    @Test
    @TestSecurity(user = "wang", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = ALPHA), @Claim(key = "agent_id", value = A_WANG)})
    void agentSeesExactlyTheRecordsCreditedToThemselves() {
        ExpectedRow wang = ReferenceScenario.byVendorAndAgent().stream()
                .filter(row -> row.group().equals(List.of(ReferenceScenario.ALPHA, "a-wang")))
                .findFirst()
                .orElseThrow();
        ExpectedRow ungrouped = new ExpectedRow(List.of(), wang.kpis());

        JsonPath report = scopedReport(List.of(), List.copyOf(wang.kpis().keySet()));

        assertMatches("all as " + A_WANG, report, List.of(ungrouped), List.of(), true);
    }

    @Test
    void hoursAreTheBrandsLocalClockHours() {
        JsonPath report = KpiApi.report(params(
                "brandId", BRAND, "from", "2026-06-01", "to", "2026-06-01", "groupBy", "hour", "kpis", "inquiries"));

        assertThat(rows(report))
                .extracting(row -> row.get("group"))
                .containsExactly(
                        group("hour", "2026-06-01T10:00"),
                        group("hour", "2026-06-01T11:00"),
                        group("hour", "2026-06-01T15:00"),
                        group("hour", "2026-06-01T20:00"));
        rows(report).forEach(row -> assertCount(row, "inquiries", 1));
    }

    @Test
    void aSingleDayRangeLeavesOutTheOtherDaysRecords() {
        JsonPath report = KpiApi.report(params(
                "brandId",
                BRAND,
                "from",
                "2026-06-02",
                "to",
                "2026-06-02",
                "kpis",
                "inquiries,callsOffered,silentSales"));

        Map<String, Object> all = row(report, group());
        assertCount(all, "inquiries", 2);
        assertCount(all, "callsOffered", 2);
        // o-4 of the orders placed on D2 and paid (o-1, o-3, o-4)
        assertThat(number(kpi(all, "silentSales"), "numerator")).isEqualByComparingTo("1");
        assertThat(number(kpi(all, "silentSales"), "denominator")).isEqualByComparingTo("3");
    }

    private static JsonPath report(List<String> groupBy, List<String> kpis) {
        return KpiApi.report(parameters(groupBy, kpis));
    }

    /** A scoped caller may ask before its vendor's engagement reached the service's copy: wait for a 200. */
    private static JsonPath scopedReport(List<String> groupBy, List<String> kpis) {
        Map<String, String> parameters = parameters(groupBy, kpis);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().queryParams(parameters).get("/api/v1/kpis").statusCode() == 200);
        return KpiApi.report(parameters);
    }

    private static Map<String, String> parameters(List<String> groupBy, List<String> kpis) {
        return params(
                "brandId",
                BRAND,
                "from",
                ReferenceScenario.D1.toString(),
                "to",
                ReferenceScenario.D2.toString(),
                "groupBy",
                String.join(",", groupBy),
                "kpis",
                String.join(",", kpis));
    }

    private static List<String> kpisOf(List<ExpectedRow> rows) {
        Set<String> kpis = new LinkedHashSet<>();
        rows.forEach(row -> kpis.addAll(row.kpis().keySet()));
        return List.copyOf(kpis);
    }

    private static void assertMatches(
            String query, JsonPath report, List<ExpectedRow> expected, List<String> groupBy, boolean everyRow) {
        List<ReferenceRow> rows =
                expected.stream().map(row -> expectedNow(row, groupBy)).toList();
        List<String> differences = ReportComparison.differences(query, report, rows, everyRow);
        assertThat(differences)
                .withFailMessage(ReportComparison.describe(differences))
                .isEmpty();
    }

    /** A hand-worked row under the prefixed ids, as it reads now that every value of the scenario is final. */
    private static ReferenceRow expectedNow(ExpectedRow row, List<String> groupBy) {
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < groupBy.size(); i++) {
            String key = groupBy.get(i);
            String value = row.group().get(i);
            group.put(key, ID_KEYS.contains(key) ? IDS.id(value) : value);
        }
        Map<String, ReferenceValue> kpis = new LinkedHashMap<>();
        row.kpis().forEach((name, expected) -> kpis.put(name, valueNow(expected)));
        return new ReferenceRow(group, kpis);
    }

    private static ReferenceValue valueNow(Expected expected) {
        return new ReferenceValue(
                decimal(expected.numerator()),
                decimal(expected.denominator()),
                decimal(expected.value()),
                true,
                expected.variant());
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}

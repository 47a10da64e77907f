package com.bpo.analytics.kpi;

import static com.bpo.analytics.testing.Facts.agent;
import static com.bpo.analytics.testing.Facts.customer;
import static com.bpo.analytics.testing.Facts.group;
import static com.bpo.analytics.testing.Facts.params;
import static com.bpo.analytics.testing.KpiApi.awaitReport;
import static com.bpo.analytics.testing.KpiApi.row;
import static com.bpo.analytics.testing.KpiApi.rows;
import static com.bpo.analytics.testing.KpiAssertions.assertCount;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.OrgFixture;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who sees which numbers, bad input, and CSV. Brand kpi-access is served by vendors VA and VB on June 1: VA's agent
 * AA1 answers c1, AA2 answers c2, VB's agent BB1 answers c3, and c4 of VA stays unanswered.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiAccessTest {

    static final String BRAND = "kpi-access";
    static final String OTHER_BRAND = "kpi-access-other";
    static final String VA = "kpi-access-va";
    static final String VB = "kpi-access-vb";
    static final String AA1 = "kpi-access-aa1";
    static final String DAY = "2026-06-01";

    @Inject
    FactPublisher publisher;

    @Inject
    EventProducer producer;

    @BeforeAll
    void publishTwoVendorsWork() {
        new OrgFixture(producer)
                .publish(List.of(
                        OrgFixture.brand(BRAND, ZoneId.of("Asia/Shanghai")),
                        OrgFixture.agent(AA1, VA, "kpi-access-ta"),
                        OrgFixture.engagement("kpi-access-ea", BRAND, VA, List.of(), KpiVariants.DEFAULTS),
                        OrgFixture.engagement("kpi-access-eb", BRAND, VB, List.of(), KpiVariants.DEFAULTS)))
                .awaitStored();
        new KpiEvents(publisher)
                .publish(
                        customer(BRAND, "kpi-access-c1", "kpi-access-m1", VA, "s", "u1", "2026-06-01T02:00:00Z"),
                        agent(BRAND, "kpi-access-c1", "kpi-access-m2", VA, "s", "u1", AA1, "2026-06-01T02:00:10Z"),
                        customer(BRAND, "kpi-access-c2", "kpi-access-m3", VA, "s", "u2", "2026-06-01T02:00:00Z"),
                        agent(
                                BRAND,
                                "kpi-access-c2",
                                "kpi-access-m4",
                                VA,
                                "s",
                                "u2",
                                "kpi-access-aa2",
                                "2026-06-01T02:00:10Z"),
                        customer(BRAND, "kpi-access-c3", "kpi-access-m5", VB, "s", "u3", "2026-06-01T02:00:00Z"),
                        agent(
                                BRAND,
                                "kpi-access-c3",
                                "kpi-access-m6",
                                VB,
                                "s",
                                "u3",
                                "kpi-access-bb1",
                                "2026-06-01T02:00:10Z"),
                        customer(BRAND, "kpi-access-c4", "kpi-access-m7", VA, "s", "u4", "2026-06-01T02:00:00Z"),
                        customer(OTHER_BRAND, "kpi-access-c9", "kpi-access-m9", VA, "s", "u9", "2026-06-01T02:00:00Z"));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().queryParams(params("brandId", BRAND, "from", DAY, "to", DAY))
                .get("/api/v1/kpis")
                .then()
                .statusCode(401);
    }

    @Test
    @TestSecurity(user = "guest", roles = "guest")
    void aTokenWithoutAPlatformRoleIsForbidden() {
        given().queryParams(params("brandId", BRAND, "from", DAY, "to", DAY))
                .get("/api/v1/kpis")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void brandAdminSeesEveryVendorButNotAnotherBrand() {
        JsonPath report = awaitReport(
                params("from", DAY, "to", DAY, "groupBy", "vendor", "kpis", "inquiries"), r -> rows(r).size() == 2);
        assertCount(row(report, group("vendor", VA)), "inquiries", 3);
        assertCount(row(report, group("vendor", VB)), "inquiries", 1);

        given().queryParams(params("brandId", OTHER_BRAND, "from", DAY, "to", DAY))
                .get("/api/v1/kpis")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VB))
    void vendorSeesOnlyRecordsCreditedToItself() {
        JsonPath report = awaitReport(
                params("brandId", BRAND, "from", DAY, "to", DAY, "groupBy", "vendor", "kpis", "inquiries,responseRate"),
                r -> rows(r).size() == 1);
        assertThat(rows(report).get(0).get("group")).isEqualTo(group("vendor", VB));
        assertCount(row(report, group("vendor", VB)), "inquiries", 1);

        JsonPath total = awaitReport(
                params("brandId", BRAND, "from", DAY, "to", DAY, "kpis", "inquiries"), r -> rows(r).size() == 1);
        assertCount(row(total, group()), "inquiries", 1);

        // A brand VB does not serve is out of its scope.
        given().queryParams(params("brandId", OTHER_BRAND, "from", DAY, "to", DAY))
                .get("/api/v1/kpis")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "xiuying", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VA), @Claim(key = "agent_id", value = AA1)})
    void agentSeesOnlyTheirOwnRecords() {
        JsonPath report = awaitReport(
                params("brandId", BRAND, "from", DAY, "to", DAY, "groupBy", "agent,vendor", "kpis", "inquiries"),
                r -> rows(r).size() == 1);
        assertThat(rows(report).get(0).get("group")).isEqualTo(group("agent", AA1, "vendor", VA));
        assertCount(rows(report).get(0), "inquiries", 1);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void badParametersAreNamedInTheProblem() {
        bad(params("from", DAY, "to", DAY, "groupBy", "vendor,month"), "groupBy", "month");
        bad(params("from", DAY, "to", DAY, "kpis", "inquiries,happiness"), "kpis", "happiness");
        bad(params("to", DAY), "from", null);
        bad(params("from", "2026-06-31", "to", DAY), "from", "2026-06-31");
        bad(params("from", "2026-06-02", "to", DAY), "from", "2026-06-02");
        bad(params("from", "2025-01-01", "to", "2026-01-02"), "to", "2026-01-02");
        bad(params("from", DAY, "to", DAY, "format", "xml"), "format", "xml");
        // 366 days, both ends included, is allowed.
        given().queryParams(params("from", "2025-06-02", "to", DAY, "kpis", "inquiries"))
                .get("/api/v1/kpis")
                .then()
                .statusCode(200);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void csvHasOneLinePerGroupAndKpi() {
        awaitReport(params("from", DAY, "to", DAY, "groupBy", "vendor", "kpis", "inquiries"), r -> rows(r).size() == 2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String csv = given().queryParams(params(
                            "from",
                            DAY,
                            "to",
                            DAY,
                            "groupBy",
                            "vendor,day",
                            "kpis",
                            "inquiries,withinThresholdRate",
                            "format",
                            "csv"))
                    .get("/api/v1/kpis")
                    .then()
                    .statusCode(200)
                    .header("Content-Type", startsWith("text/csv"))
                    .extract()
                    .asString();
            assertThat(csv.split("\r\n"))
                    .containsExactly(
                            "vendor,day,kpi,value,numerator,denominator,final,variant",
                            VA + "," + DAY + ",inquiries,3,3,,true,",
                            VA + "," + DAY + ",withinThresholdRate,0.6667,2,3,true,threshold=30s",
                            VB + "," + DAY + ",inquiries,1,1,,true,",
                            VB + "," + DAY + ",withinThresholdRate,1.0000,1,1,true,threshold=30s");
        });
    }

    private static void bad(Map<String, String> parameters, String field, String rejected) {
        var response = given().queryParams(parameters)
                .get("/api/v1/kpis")
                .then()
                .statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("errors[0].field", equalTo(field));
        if (rejected != null) {
            response.body("errors[0].rejectedValue", equalTo(rejected));
        }
    }
}

package com.bpo.agent.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestIdentityAssociation;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class EngagementResourceTest {

    private static final String BRAND = "brand-et";
    private static final String OTHER_BRAND = "brand-et-other";
    private static final String VENDOR = "vendor-et";
    private static final String OTHER_VENDOR = "vendor-et-other";
    private static final String SHOP = "shop-et-tmall";
    private static final String OTHER_SHOP = "shop-et-other";
    private static final String ENGAGEMENT = "engagement-et";
    private static final String OTHER_ENGAGEMENT = "engagement-et-other";

    @Inject
    TestIdentityAssociation identities;

    @BeforeEach
    void seedTwoBrandsAndTwoVendors() {
        Seed.engagement(ENGAGEMENT, BRAND, VENDOR);
        Seed.engagement(OTHER_ENGAGEMENT, OTHER_BRAND, OTHER_VENDOR);
        Seed.shop(SHOP, BRAND);
        Seed.shop(OTHER_SHOP, OTHER_BRAND);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void platformAdminCreatesAnEngagementWithDefaultsAndReplacesIt() {
        Seed.brand("brand-et-new");
        Seed.vendor("vendor-et-new");
        Seed.shop("shop-et-new", "brand-et-new");

        post(engagement("engagement-et-new", "brand-et-new", "vendor-et-new", List.of("shop-et-new")))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/engagements/engagement-et-new"))
                .body("shopIds", contains("shop-et-new"))
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("kpiVariants.responseThresholdSeconds", equalTo(30))
                .body("kpiVariants.conversionWindowDays", equalTo(1))
                .body("kpiVariants.attribution", equalTo("LAST_REPLIER"))
                .body("kpiVariants.serviceLevelSeconds", equalTo(20))
                .body("kpiVariants.abandonShortSeconds", equalTo(5))
                .body("serviceHours[0].opensAt", equalTo("09:00:00"))
                .body("active", equalTo(true));

        Map<String, Object> replaced =
                new HashMap<>(engagement("engagement-et-new", "brand-et-new", "vendor-et-new", List.of()));
        replaced.put("kpiVariants", Map.of("responseThresholdSeconds", 60, "conversionWindowDays", 3));
        replaced.put("slaTargets", Map.of("responseRate", 0.95, "firstResponseSeconds", 20));
        replaced.put("timeZone", "Asia/Hong_Kong");
        replaced.put("version", 0);
        put("engagement-et-new", replaced)
                .statusCode(200)
                .body("kpiVariants.responseThresholdSeconds", equalTo(60))
                .body("kpiVariants.conversionWindowDays", equalTo(3))
                .body("slaTargets.responseRate", equalTo(0.95f))
                .body("timeZone", equalTo("Asia/Hong_Kong"))
                .body("version", equalTo(1));
        given().get("/api/v1/engagements/{id}", "engagement-et-new")
                .then()
                .statusCode(200)
                .body("slaTargets.firstResponseSeconds", equalTo(20));
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void generatedIdAndOneActiveEngagementPerBrandAndVendor() {
        Seed.brand("brand-et-pair");
        Seed.vendor("vendor-et-pair");

        post(engagement(null, "brand-et-pair", "vendor-et-pair", List.of()))
                .statusCode(201)
                .body("engagementId", startsWith("engagement-"));
        post(engagement(null, "brand-et-pair", "vendor-et-pair", List.of())).statusCode(409);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void badEngagementInputNamesTheField() {
        Map<String, Object> body = new HashMap<>(engagement("engagement-et-bad", BRAND, OTHER_VENDOR, List.of()));
        body.put("kpiVariants", Map.of("responseThresholdSeconds", 0));
        post(body).statusCode(400).body("errors.field", hasItem("kpiVariants.responseThresholdSeconds"));
        body.put("kpiVariants", Map.of("conversionWindowDays", 15));
        post(body).statusCode(400).body("errors.field", hasItem("kpiVariants.conversionWindowDays"));
        body.put("kpiVariants", Map.of("attribution", "FIRST_REPLIER"));
        post(body).statusCode(400).body("errors.field", hasItem("kpiVariants.attribution"));
        body.remove("kpiVariants");
        body.put("channels", List.of());
        post(body).statusCode(400).body("errors.field", hasItem("channels"));
        body.put("channels", List.of("CHAT"));
        body.put("slaTargets", Map.of("responseRate", 1.5));
        post(body).statusCode(400).body("errors.field", hasItem("slaTargets.responseRate"));
        body.remove("slaTargets");
        body.put("validFrom", "2026-12-01T00:00:00Z");
        body.put("validTo", "2026-11-01T00:00:00Z");
        post(body).statusCode(400).body("errors.field", hasItem("validTo"));
        body.remove("validFrom");
        body.remove("validTo");
        body.put("shopIds", List.of(OTHER_SHOP));
        post(body).statusCode(422).body("errors.field", hasItem("shopIds"));
        body.put("shopIds", List.of());
        body.put("brandId", "brand-et-missing");
        post(body).statusCode(422).body("errors.field", hasItem("brandId"));
        body.put("brandId", BRAND);
        body.put("vendorId", "vendor-et-missing");
        post(body).statusCode(422).body("errors.field", hasItem("vendorId"));
        body.put("vendorId", OTHER_VENDOR);
        body.put("timeZone", "Moon/Crater");
        post(body).statusCode(400).body("errors.field", hasItem("timeZone"));

        Map<String, Object> moved = new HashMap<>(engagement(ENGAGEMENT, OTHER_BRAND, VENDOR, List.of()));
        put(ENGAGEMENT, moved).statusCode(400).body("errors.field", hasItem("brandId"));
    }

    @Test
    void engagementRequestsWithoutTokenAreUnauthorized() {
        given().get("/api/v1/engagements").then().statusCode(401);
        given().get("/api/v1/engagements/{id}", ENGAGEMENT).then().statusCode(401);
        post(engagement("engagement-et-anon", BRAND, OTHER_VENDOR, List.of())).statusCode(401);
        put(ENGAGEMENT, engagement(ENGAGEMENT, BRAND, VENDOR, List.of())).statusCode(401);
        given().post("/api/v1/engagements/{id}/deactivate", ENGAGEMENT).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void brandAdminReadsItsEngagementsButMayNotCreateOrReplaceThem() {
        assertThat(engagementIds()).containsExactly(ENGAGEMENT);
        given().get("/api/v1/engagements/{id}", ENGAGEMENT).then().statusCode(200);
        post(engagement("engagement-et-brand", BRAND, OTHER_VENDOR, List.of())).statusCode(403);
        put(ENGAGEMENT, engagement(ENGAGEMENT, BRAND, VENDOR, List.of())).statusCode(403);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void vendorSupervisorReadsItsOwnEngagementsButMayNotEndThem() {
        assertThat(engagementIds()).containsExactly(ENGAGEMENT);
        given().post("/api/v1/engagements/{id}/deactivate", ENGAGEMENT).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void anotherBrandsEngagementIsNotFound() {
        given().get("/api/v1/engagements/{id}", OTHER_ENGAGEMENT)
                .then()
                .statusCode(404)
                .body(emptyOrNullString());
        given().post("/api/v1/engagements/{id}/deactivate", OTHER_ENGAGEMENT)
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void unknownEngagementIsNotFoundForReplace() {
        put("engagement-et-nowhere", engagement("engagement-et-nowhere", BRAND, VENDOR, List.of()))
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OTHER_VENDOR))
    void anotherVendorsEngagementIsNotFound() {
        given().get("/api/v1/engagements/{id}", ENGAGEMENT).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = "vendor-et-ending"))
    void deactivationRemovesTheVendorsAccessAtOnce() {
        Seed.engagement("engagement-et-ending", "brand-et-ending", "vendor-et-ending");
        given().get("/api/v1/brands/{id}", "brand-et-ending").then().statusCode(200);
        given().get("/api/v1/engagements/{id}", "engagement-et-ending").then().statusCode(200);

        Callers.actAs(identities, "mei", Roles.BRAND_ADMIN, Map.of("brand_id", "brand-et-ending"));
        given().post("/api/v1/engagements/{id}/deactivate", "engagement-et-ending")
                .then()
                .statusCode(200)
                .body("active", equalTo(false));

        Callers.actAs(identities, "qiang", Roles.VENDOR_SUPERVISOR, Map.of("vendor_id", "vendor-et-ending"));
        given().get("/api/v1/brands/{id}", "brand-et-ending").then().statusCode(404);
        given().get("/api/v1/engagements/{id}", "engagement-et-ending").then().statusCode(404);
        given().get("/api/v1/brands/{b}/shops", "brand-et-ending").then().statusCode(404);
        assertThat(engagementIds()).doesNotContain("engagement-et-ending");
    }

    private static Map<String, Object> engagement(String id, String brandId, String vendorId, List<String> shopIds) {
        Map<String, Object> body = new HashMap<>();
        if (id != null) {
            body.put("engagementId", id);
        }
        body.put("brandId", brandId);
        body.put("vendorId", vendorId);
        body.put("shopIds", shopIds);
        body.put("channels", List.of("CHAT", "PHONE"));
        body.put("roles", List.of("PRE_SALES", "AFTER_SALES"));
        body.put(
                "serviceHours",
                List.of(Map.of("days", List.of("MONDAY", "TUESDAY"), "opensAt", "09:00", "closesAt", "21:00")));
        return body;
    }

    private static List<String> engagementIds() {
        return given().get("/api/v1/engagements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("engagementId", String.class);
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/engagements")
                .then();
    }

    private static ValidatableResponse put(String id, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/engagements/{id}", id)
                .then();
    }
}

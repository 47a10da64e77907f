package com.bpo.agent.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class VendorResourceTest {

    private static final String OWN = "vendor-vt-own";
    private static final String OTHER = "vendor-vt-other";
    private static final String BRAND = "brand-vt";

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void platformAdminCreatesAndReplacesVendors() {
        post(Map.of("vendorId", "vendor-vt-new", "name", "Starcall"))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/vendors/vendor-vt-new"))
                .body("active", equalTo(true));
        put("vendor-vt-new", Map.of("name", "Starcall Ltd", "active", false, "version", 0))
                .statusCode(200)
                .body("name", equalTo("Starcall Ltd"))
                .body("active", equalTo(false));
        put("vendor-vt-new", Map.of("name", "Stale", "version", 0)).statusCode(409);
        assertThat(vendorIds()).contains("vendor-vt-new");
        post(Map.of("vendorId", "vendor-vt-new", "name", "Again")).statusCode(409);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void badVendorInputNamesTheField() {
        post(Map.of("name", "No id")).statusCode(400).body("errors.field", hasItem("vendorId"));
        post(Map.of("vendorId", "vendor vt", "name", "Space"))
                .statusCode(400)
                .body("errors.field", hasItem("vendorId"));
        post(Map.of("vendorId", "vendor-vt-x")).statusCode(400).body("errors.field", hasItem("name"));
        Seed.vendor(OWN);
        put(OWN, Map.of("name", "")).statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void vendorRequestsWithoutTokenAreUnauthorized() {
        given().get("/api/v1/vendors").then().statusCode(401);
        given().get("/api/v1/vendors/{v}", OWN).then().statusCode(401);
        post(Map.of("vendorId", "vendor-vt-anon", "name", "Anon")).statusCode(401);
        put(OWN, Map.of("name", "Anon")).statusCode(401);
    }

    @Test
    @TestSecurity(user = "fang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void vendorAdminSeesOnlyItsOwnVendorAndMayNotChangeVendors() {
        Seed.vendor(OWN);
        Seed.vendor(OTHER);

        assertThat(vendorIds()).containsExactly(OWN);
        given().get("/api/v1/vendors/{v}", OWN).then().statusCode(200);
        given().get("/api/v1/vendors/{v}", OTHER).then().statusCode(404);
        post(Map.of("vendorId", "vendor-vt-mine", "name", "Mine")).statusCode(403);
        put(OWN, Map.of("name", "Renamed")).statusCode(403);
    }

    @Test
    @TestSecurity(user = "ada", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = OWN), @Claim(key = "agent_id", value = "agent-vt")})
    void agentsMayNotReadVendors() {
        given().get("/api/v1/vendors").then().statusCode(403);
        given().get("/api/v1/vendors/{v}", OWN).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void brandPrincipalSeesTheVendorsThatServeIt() {
        Seed.engagement("engagement-vt", BRAND, OWN);
        Seed.vendor(OTHER);

        assertThat(vendorIds()).containsExactly(OWN);
        given().get("/api/v1/vendors/{v}", OWN).then().statusCode(200).body("vendorId", equalTo(OWN));
        given().get("/api/v1/vendors/{v}", OTHER).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = "brand-vt-expired"))
    void brandPrincipalNoLongerSeesAVendorWhoseEngagementExpired() {
        Seed.engagement("engagement-vt-expired", "brand-vt-expired", "vendor-vt-expired");
        Seed.expireEngagement("engagement-vt-expired");

        assertThat(vendorIds()).doesNotContain("vendor-vt-expired");
        given().get("/api/v1/vendors/{v}", "vendor-vt-expired").then().statusCode(404);
    }

    private static List<String> vendorIds() {
        return given().get("/api/v1/vendors")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("vendorId", String.class);
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/vendors")
                .then();
    }

    private static ValidatableResponse put(String vendorId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/vendors/{v}", vendorId)
                .then();
    }
}

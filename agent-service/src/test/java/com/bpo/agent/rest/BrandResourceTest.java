package com.bpo.agent.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class BrandResourceTest {

    private static final String OWN = "brand-bt-own";
    private static final String OTHER = "brand-bt-other";
    private static final String SERVED = "brand-bt-served";
    private static final String VENDOR = "vendor-bt";

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void platformAdminCreatesABrandWithItsLocation() {
        given().contentType(ContentType.JSON)
                .body(Map.of("brandId", "brand-bt-new", "name", "Zongzi House", "timeZone", "Asia/Shanghai"))
                .post("/api/v1/brands")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/brands/brand-bt-new"))
                .body("brandId", equalTo("brand-bt-new"))
                .body("name", equalTo("Zongzi House"))
                .body("active", equalTo(true));

        given().get("/api/v1/brands/brand-bt-new").then().statusCode(200).body("timeZone", equalTo("Asia/Shanghai"));
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void newBrandTakesTheDefaultTimeZone() {
        given().contentType(ContentType.JSON)
                .body(Map.of("brandId", "brand-bt-zone", "name", "Teahouse"))
                .post("/api/v1/brands")
                .then()
                .statusCode(201)
                .body("timeZone", equalTo("Asia/Shanghai"));
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void badBrandInputNamesTheField() {
        postBrand(Map.of("name", "No id")).statusCode(400).body("errors.field", hasItem("brandId"));
        postBrand(Map.of("brandId", "Brand_Upper", "name", "Bad id"))
                .statusCode(400)
                .body("errors.field", hasItem("brandId"));
        postBrand(Map.of("brandId", "brand-bt-bad", "name", " "))
                .statusCode(400)
                .body("errors.field", hasItem("name"));
        postBrand(Map.of("brandId", "brand-bt-bad", "name", "Zone", "timeZone", "Mars/Base"))
                .statusCode(400)
                .body("errors.field", hasItem("timeZone"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", " "))
                .put("/api/v1/brands/{id}", "brand-bt-bad")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void anExistingBrandIdConflicts() {
        Seed.brand("brand-bt-dup");
        postBrand(Map.of("brandId", "brand-bt-dup", "name", "Again")).statusCode(409);
    }

    @Test
    void requestsWithoutTokenAreUnauthorized() {
        given().get("/api/v1/brands").then().statusCode(401);
        given().get("/api/v1/brands/{id}", OWN).then().statusCode(401);
        postBrand(Map.of("brandId", "brand-bt-anon", "name", "Anon")).statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Anon"))
                .put("/api/v1/brands/{id}", OWN)
                .then()
                .statusCode(401);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAdminMayNotCreateBrands() {
        postBrand(Map.of("brandId", "brand-bt-mine", "name", "Mine")).statusCode(403);
    }

    @Test
    @TestSecurity(user = "ada", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR), @Claim(key = "agent_id", value = "agent-bt")})
    void agentsMayNotReadBrands() {
        given().get("/api/v1/brands").then().statusCode(403);
        given().get("/api/v1/brands/{id}", OWN).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAnalystMayNotReplaceTheBrand() {
        Seed.brand(OWN);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed"))
                .put("/api/v1/brands/{id}", OWN)
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandPrincipalSeesOnlyItsOwnBrand() {
        Seed.brand(OWN);
        Seed.brand(OTHER);

        assertThat(brandIds()).containsExactly(OWN);
        given().get("/api/v1/brands/{id}", OTHER).then().statusCode(404).body(emptyOrNullString());
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Taken over"))
                .put("/api/v1/brands/{id}", OTHER)
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void vendorPrincipalSeesTheBrandsItServes() {
        Seed.engagement("engagement-bt", SERVED, VENDOR);
        Seed.brand(OTHER);

        assertThat(brandIds()).containsExactly(SERVED);
        given().get("/api/v1/brands/{id}", SERVED).then().statusCode(200);
        given().get("/api/v1/brands/{id}", OTHER).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = "brand-bt-rename"))
    void brandAdminRenamesItsBrandButKeepsItsTimeZone() {
        Seed.brand("brand-bt-rename");

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Zongzi & Mooncakes", "version", 0))
                .put("/api/v1/brands/{id}", "brand-bt-rename")
                .then()
                .statusCode(200)
                .body("name", equalTo("Zongzi & Mooncakes"))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Zongzi & Mooncakes", "timeZone", "Europe/Berlin"))
                .put("/api/v1/brands/{id}", "brand-bt-rename")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void platformAdminReplacesABrandAndStaleVersionsConflict() {
        Seed.brand("brand-bt-replace");

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Replaced", "timeZone", "Asia/Tokyo", "active", false, "version", 0))
                .put("/api/v1/brands/{id}", "brand-bt-replace")
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("active", equalTo(false));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Stale", "version", 0))
                .put("/api/v1/brands/{id}", "brand-bt-replace")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body(Map.of("brandId", "brand-bt-elsewhere", "name", "Moved"))
                .put("/api/v1/brands/{id}", "brand-bt-replace")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("brandId"));
    }

    private static io.restassured.response.ValidatableResponse postBrand(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/brands")
                .then();
    }

    private static List<String> brandIds() {
        return given().get("/api/v1/brands")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("brandId", String.class);
    }
}

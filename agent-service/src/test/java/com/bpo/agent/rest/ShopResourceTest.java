package com.bpo.agent.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ShopResourceTest {

    private static final String OWN = "brand-st-own";
    private static final String OTHER = "brand-st-other";
    private static final String OWN_SHOP = "shop-st-own";
    private static final String OTHER_SHOP = "shop-st-other";
    private static final String VENDOR = "vendor-st";

    @BeforeEach
    void seedTwoBrandsWithAShopEach() {
        Seed.brand(OWN);
        Seed.brand(OTHER);
        Seed.shop(OWN_SHOP, OWN);
        Seed.shop(OTHER_SHOP, OTHER);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAdminCreatesReadsAndReplacesItsShops() {
        post(OWN, Map.of("shopId", "shop-st-tmall", "platform", "TMALL", "name", "Zongzi flagship"))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/brands/" + OWN + "/shops/shop-st-tmall"))
                .body("brandId", equalTo(OWN))
                .body("platform", equalTo("TMALL"));
        post(OWN, Map.of("platform", "JD", "name", "Zongzi on JD", "externalShopId", "jd-1001"))
                .statusCode(201)
                .body("shopId", startsWith("shop-"))
                .body("externalShopId", equalTo("jd-1001"));

        assertThat(given().get("/api/v1/brands/{b}/shops", OWN)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("shopId", String.class))
                .contains(OWN_SHOP, "shop-st-tmall")
                .doesNotContain(OTHER_SHOP);
        given().get("/api/v1/brands/{b}/shops/{s}", OWN, "shop-st-tmall")
                .then()
                .statusCode(200)
                .body("name", equalTo("Zongzi flagship"));
        put(OWN, "shop-st-tmall", Map.of("platform", "TMALL", "name", "Flagship", "active", false, "version", 0))
                .statusCode(200)
                .body("name", equalTo("Flagship"))
                .body("active", equalTo(false))
                .body("version", equalTo(1));
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void badShopInputNamesTheField() {
        post(OWN, Map.of("name", "No platform")).statusCode(400).body("errors.field", hasItem("platform"));
        post(OWN, Map.of("platform", "EBAY", "name", "Unknown platform"))
                .statusCode(400)
                .body("errors.field", hasItem("platform"));
        post(OWN, Map.of("shopId", "x", "platform", "JD", "name", "Short id"))
                .statusCode(400)
                .body("errors.field", hasItem("shopId"));
        put(OWN, OWN_SHOP, Map.of("platform", "JD", "name", "")).statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void shopRequestsWithoutTokenAreUnauthorized() {
        given().get("/api/v1/brands/{b}/shops", OWN).then().statusCode(401);
        given().get("/api/v1/brands/{b}/shops/{s}", OWN, OWN_SHOP).then().statusCode(401);
        post(OWN, Map.of("platform", "JD", "name", "Anon")).statusCode(401);
        put(OWN, OWN_SHOP, Map.of("platform", "JD", "name", "Anon")).statusCode(401);
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAnalystReadsShopsButMayNotChangeThem() {
        given().get("/api/v1/brands/{b}/shops/{s}", OWN, OWN_SHOP).then().statusCode(200);
        post(OWN, Map.of("platform", "JD", "name", "Analyst shop")).statusCode(403);
        put(OWN, OWN_SHOP, Map.of("platform", "JD", "name", "Analyst rename")).statusCode(403);
    }

    @Test
    @TestSecurity(user = "jing", roles = Roles.BRAND_AUDITOR)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAuditorMayNotReadShops() {
        given().get("/api/v1/brands/{b}/shops", OWN).then().statusCode(403);
        given().get("/api/v1/brands/{b}/shops/{s}", OWN, OWN_SHOP).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void anotherBrandsShopsAreNotFound() {
        given().get("/api/v1/brands/{b}/shops", OTHER).then().statusCode(404).body(emptyOrNullString());
        given().get("/api/v1/brands/{b}/shops/{s}", OTHER, OTHER_SHOP).then().statusCode(404);
        given().get("/api/v1/brands/{b}/shops/{s}", OWN, OTHER_SHOP).then().statusCode(404);
        post(OTHER, Map.of("platform", "JD", "name", "Planted")).statusCode(404);
        put(OTHER, OTHER_SHOP, Map.of("platform", "JD", "name", "Taken")).statusCode(404);
        put(OWN, OTHER_SHOP, Map.of("platform", "JD", "name", "Taken")).statusCode(404);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void aShopIdTakenByAnotherBrandConflictsWithoutShowingThatShop() {
        post(OWN, Map.of("shopId", OTHER_SHOP, "platform", "JD", "name", "Same id"))
                .statusCode(409)
                .body("detail", not(containsString(OTHER)));
        given().get("/api/v1/brands/{b}/shops/{s}", OTHER, OTHER_SHOP).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void vendorReadsTheShopsOfTheBrandsItServesOnly() {
        Seed.engagement("engagement-st", OWN, VENDOR);

        given().get("/api/v1/brands/{b}/shops/{s}", OWN, OWN_SHOP).then().statusCode(200);
        given().get("/api/v1/brands/{b}/shops", OTHER).then().statusCode(404);
    }

    private static ValidatableResponse post(String brandId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/brands/{b}/shops", brandId)
                .then();
    }

    private static ValidatableResponse put(String brandId, String shopId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/brands/{b}/shops/{s}", brandId, shopId)
                .then();
    }
}

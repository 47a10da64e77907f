package com.bpo.agent.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
class TeamResourceTest {

    private static final String OWN = "vendor-tt-own";
    private static final String OTHER = "vendor-tt-other";
    private static final String OWN_TEAM = "team-tt-own";
    private static final String OTHER_TEAM = "team-tt-other";

    @BeforeEach
    void seedTwoVendorsWithATeamEach() {
        Seed.vendor(OWN);
        Seed.vendor(OTHER);
        Seed.team(OWN_TEAM, OWN);
        Seed.team(OTHER_TEAM, OTHER);
    }

    @Test
    @TestSecurity(user = "fang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void vendorAdminManagesItsTeams() {
        post(OWN, Map.of("teamId", "team-tt-presales", "name", "Pre-sales"))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/vendors/" + OWN + "/teams/team-tt-presales"))
                .body("vendorId", equalTo(OWN));
        post(OWN, Map.of("name", "Generated")).statusCode(201).body("teamId", startsWith("team-"));
        put(OWN, "team-tt-presales", Map.of("name", "Pre-sales A", "active", false, "version", 0))
                .statusCode(200)
                .body("name", equalTo("Pre-sales A"))
                .body("active", equalTo(false));
        assertThat(given().get("/api/v1/vendors/{v}/teams", OWN)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("teamId", String.class))
                .contains(OWN_TEAM, "team-tt-presales")
                .doesNotContain(OTHER_TEAM);
        given().get("/api/v1/vendors/{v}/teams/{t}", OWN, OWN_TEAM).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "fang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void badTeamInputNamesTheField() {
        post(OWN, Map.of("teamId", "team-tt-x")).statusCode(400).body("errors.field", hasItem("name"));
        post(OWN, Map.of("teamId", "-team", "name", "Dash first"))
                .statusCode(400)
                .body("errors.field", hasItem("teamId"));
        put(OWN, OWN_TEAM, Map.of("name", " ")).statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void teamRequestsWithoutTokenAreUnauthorized() {
        given().get("/api/v1/vendors/{v}/teams", OWN).then().statusCode(401);
        given().get("/api/v1/vendors/{v}/teams/{t}", OWN, OWN_TEAM).then().statusCode(401);
        post(OWN, Map.of("name", "Anon")).statusCode(401);
        put(OWN, OWN_TEAM, Map.of("name", "Anon")).statusCode(401);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void supervisorReadsTeamsButMayNotChangeThem() {
        given().get("/api/v1/vendors/{v}/teams/{t}", OWN, OWN_TEAM).then().statusCode(200);
        post(OWN, Map.of("name", "Supervisor team")).statusCode(403);
        put(OWN, OWN_TEAM, Map.of("name", "Supervisor rename")).statusCode(403);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = "brand-tt"))
    void brandAdminMayNotReadTeams() {
        given().get("/api/v1/vendors/{v}/teams", OWN).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "fang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void anotherVendorsTeamsAreNotFound() {
        given().get("/api/v1/vendors/{v}/teams", OTHER).then().statusCode(404);
        given().get("/api/v1/vendors/{v}/teams/{t}", OTHER, OTHER_TEAM).then().statusCode(404);
        given().get("/api/v1/vendors/{v}/teams/{t}", OWN, OTHER_TEAM).then().statusCode(404);
        post(OTHER, Map.of("name", "Planted")).statusCode(404);
        put(OTHER, OTHER_TEAM, Map.of("name", "Taken")).statusCode(404);
        put(OWN, OTHER_TEAM, Map.of("name", "Taken")).statusCode(404);
    }

    private static ValidatableResponse post(String vendorId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/vendors/{v}/teams", vendorId)
                .then();
    }

    private static ValidatableResponse put(String vendorId, String teamId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/vendors/{v}/teams/{t}", vendorId, teamId)
                .then();
    }
}

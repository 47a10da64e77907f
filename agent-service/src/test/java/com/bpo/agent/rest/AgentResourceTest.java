package com.bpo.agent.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class AgentResourceTest {

    private static final String OWN = "vendor-at-own";
    private static final String OTHER = "vendor-at-other";
    private static final String OWN_TEAM = "team-at-own";
    private static final String OTHER_TEAM = "team-at-other";
    private static final String OWN_AGENT = "agent-at-own";
    private static final String OTHER_AGENT = "agent-at-other";

    @BeforeEach
    void seedTwoVendorsWithATeamAndAnAgentEach() {
        Seed.vendor(OWN);
        Seed.vendor(OTHER);
        Seed.team(OWN_TEAM, OWN);
        Seed.team(OTHER_TEAM, OTHER);
        Seed.agent(OWN_AGENT, OWN, OWN_TEAM);
        Seed.agent(OTHER_AGENT, OTHER, OTHER_TEAM);
    }

    @Test
    @TestSecurity(user = "fang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void vendorAdminManagesItsAgents() {
        post(OWN, agent("agent-at-new", OWN_TEAM, "user-at-new"))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/vendors/" + OWN + "/agents/agent-at-new"))
                .body("userId", equalTo("user-at-new"))
                .body("skills", contains("tmall", "refunds"))
                .body("maxConcurrency", equalTo(5));
        Map<String, Object> moved = new HashMap<>(agent("agent-at-new", OWN_TEAM, "user-at-new"));
        moved.put("displayName", "Xiuying Yang");
        moved.put("active", false);
        moved.put("version", 0);
        put(OWN, "agent-at-new", moved)
                .statusCode(200)
                .body("displayName", equalTo("Xiuying Yang"))
                .body("active", equalTo(false));
        assertThat(given().get("/api/v1/vendors/{v}/agents", OWN)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("agentId", String.class))
                .contains(OWN_AGENT, "agent-at-new")
                .doesNotContain(OTHER_AGENT);
        given().get("/api/v1/vendors/{v}/agents/{a}", OWN, OWN_AGENT).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "fang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void badAgentInputNamesTheField() {
        Map<String, Object> tooBusy = new HashMap<>(agent("agent-at-busy", OWN_TEAM, "user-at-busy"));
        tooBusy.put("maxConcurrency", 101);
        post(OWN, tooBusy).statusCode(400).body("errors.field", hasItem("maxConcurrency"));
        post(OWN, Map.of("teamId", OWN_TEAM, "displayName", "No user"))
                .statusCode(400)
                .body("errors.field", hasItem("userId"));
        post(
                        OWN,
                        Map.of(
                                "teamId",
                                OWN_TEAM,
                                "userId",
                                "user-at-skills",
                                "displayName",
                                "Blank skill",
                                "skills",
                                List.of(" ")))
                .statusCode(400)
                .body("errors.field", hasItem("skills[0]"));
        post(OWN, agent("agent-at-foreign", OTHER_TEAM, "user-at-foreign"))
                .statusCode(422)
                .body("errors.field", hasItem("teamId"));
        put(OWN, OWN_AGENT, Map.of("teamId", OWN_TEAM, "userId", "user-at-own"))
                .statusCode(400)
                .body("errors.field", hasItem("displayName"));
    }

    @Test
    @TestSecurity(user = "fang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void aPersonIsAtMostOneAgent() {
        post(OWN, agent("agent-at-twin", OWN_TEAM, "user-" + OWN_AGENT)).statusCode(409);
    }

    @Test
    void agentRequestsWithoutTokenAreUnauthorized() {
        given().get("/api/v1/vendors/{v}/agents", OWN).then().statusCode(401);
        given().get("/api/v1/vendors/{v}/agents/{a}", OWN, OWN_AGENT).then().statusCode(401);
        post(OWN, agent("agent-at-anon", OWN_TEAM, "user-at-anon")).statusCode(401);
        put(OWN, OWN_AGENT, agent(OWN_AGENT, OWN_TEAM, "user-at-anon")).statusCode(401);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void supervisorReadsAgentsButMayNotChangeThem() {
        given().get("/api/v1/vendors/{v}/agents/{a}", OWN, OWN_AGENT).then().statusCode(200);
        post(OWN, agent("agent-at-sup", OWN_TEAM, "user-at-sup")).statusCode(403);
        put(OWN, OWN_AGENT, agent(OWN_AGENT, OWN_TEAM, "user-" + OWN_AGENT)).statusCode(403);
    }

    @Test
    @TestSecurity(user = "fang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OWN))
    void anotherVendorsAgentsAreNotFound() {
        given().get("/api/v1/vendors/{v}/agents", OTHER).then().statusCode(404);
        given().get("/api/v1/vendors/{v}/agents/{a}", OTHER, OTHER_AGENT).then().statusCode(404);
        given().get("/api/v1/vendors/{v}/agents/{a}", OWN, OTHER_AGENT).then().statusCode(404);
        post(OTHER, agent("agent-at-planted", OTHER_TEAM, "user-at-planted")).statusCode(404);
        put(OTHER, OTHER_AGENT, agent(OTHER_AGENT, OTHER_TEAM, "user-" + OTHER_AGENT))
                .statusCode(404);
    }

    private static Map<String, Object> agent(String agentId, String teamId, String userId) {
        return Map.of(
                "agentId",
                agentId,
                "teamId",
                teamId,
                "userId",
                userId,
                "displayName",
                "Agent " + agentId,
                "skills",
                List.of("tmall", "refunds"),
                "maxConcurrency",
                5);
    }

    private static ValidatableResponse post(String vendorId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/vendors/{v}/agents", vendorId)
                .then();
    }

    private static ValidatableResponse put(String vendorId, String agentId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/vendors/{v}/agents/{a}", vendorId, agentId)
                .then();
    }
}

package com.bpo.agent.conversation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class AgentConversationResourceTest {

    private static final String BRAND = "brand-acq";
    private static final String OTHER_BRAND = "brand-acq-other";
    private static final String VENDOR_A = "vendor-acq-a";
    private static final String VENDOR_B = "vendor-acq-b";
    private static final String AGENT_A1 = "agent-acq-a1";
    private static final String AGENT_A2 = "agent-acq-a2";
    private static final String AGENT_B1 = "agent-acq-b1";

    // Open conversations are recent: the service closes those idle for longer than its idle time (30 minutes).
    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));

    @BeforeEach
    void seedConversationsOfThreeAgents() {
        ConversationSeed.brand(BRAND, "Asia/Shanghai");
        ConversationSeed.brand(OTHER_BRAND, "Asia/Shanghai");
        ConversationSeed.vendor(VENDOR_A, AGENT_A1, AGENT_A2);
        ConversationSeed.vendor(VENDOR_B, AGENT_B1);
        ConversationSeed.engagement("engagement-acq-a", BRAND, VENDOR_A);
        ConversationSeed.engagement("engagement-acq-b", BRAND, VENDOR_B);
        ConversationSeed.engagement("engagement-acq-b-other", OTHER_BRAND, VENDOR_B);

        // Agent A1, most recent activity first: ac-2 and ac-5 (same moment, by id), then ac-1; ac-3 is closed.
        conversation(BRAND, "ac-1", VENDOR_A, AGENT_A1, T0.plusSeconds(60)).seed();
        conversation(BRAND, "ac-2", VENDOR_A, AGENT_A1, T0.plusSeconds(180))
                .agent("ac-2-a2", AGENT_A2, T0.plusSeconds(5), "Hello")
                .seed();
        conversation(BRAND, "ac-3", VENDOR_A, AGENT_A1, T0.plusSeconds(300))
                .closed(T0.plusSeconds(310), AGENT_A1)
                .seed();
        conversation(BRAND, "ac-5", VENDOR_A, AGENT_A1, T0.plusSeconds(180)).seed();
        conversation(BRAND, "ac-4", VENDOR_B, AGENT_B1, T0.plusSeconds(90)).seed();
        conversation(OTHER_BRAND, "ac-8", VENDOR_B, AGENT_B1, T0.plusSeconds(90))
                .seed();
    }

    @Test
    @TestSecurity(user = "li", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR_A), @Claim(key = "agent_id", value = AGENT_A1)})
    void anAgentListsItsOpenConversationsMostRecentActivityFirst() {
        given().get("/api/v1/agents/{agentId}/conversations", AGENT_A1)
                .then()
                .statusCode(200)
                .body("items.conversationId", contains("ac-2", "ac-5", "ac-1"))
                .body("items.status", everyItem(equalTo("OPEN")))
                .body("items[0].agentIds", contains(AGENT_A2, AGENT_A1))
                .body("nextCursor", nullValue());
        given().queryParam("status", "CLOSED")
                .get("/api/v1/agents/{agentId}/conversations", AGENT_A1)
                .then()
                .statusCode(200)
                .body("items.conversationId", contains("ac-3"))
                .body("items[0].facts.lastAgentId", equalTo(AGENT_A1));
    }

    @Test
    @TestSecurity(user = "li", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR_A), @Claim(key = "agent_id", value = AGENT_A1)})
    void anAgentPagesThroughItsConversationsWithoutGapsOrRepeats() {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", 1)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/agents/{agentId}/conversations", AGENT_A1)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            pages.add(page.getList("items.conversationId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null && pages.size() < 10);

        assertThat(pages).containsExactly(List.of("ac-2"), List.of("ac-5"), List.of("ac-1"));
    }

    @Test
    @TestSecurity(user = "li", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR_A), @Claim(key = "agent_id", value = AGENT_A1)})
    void anAgentCannotListAnotherAgentsConversations() {
        given().get("/api/v1/agents/{agentId}/conversations", AGENT_A2).then().statusCode(404);
        given().get("/api/v1/agents/{agentId}/conversations", AGENT_B1).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_A))
    void aVendorSupervisorListsItsOwnAgentsOnly() {
        assertThat(ids(AGENT_A2, Map.of())).containsExactly("ac-2");
        given().get("/api/v1/agents/{agentId}/conversations", AGENT_B1).then().statusCode(404);
        given().get("/api/v1/agents/{agentId}/conversations", "agent-acq-unknown")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void aBrandSeesAnAgentsConversationsInItsOwnBrandOnly() {
        assertThat(ids(AGENT_B1, Map.of())).containsExactly("ac-4");
        assertThat(ids(AGENT_A1, Map.of("status", "CLOSED"))).containsExactly("ac-3");
        given().queryParam("brandId", OTHER_BRAND)
                .get("/api/v1/agents/{agentId}/conversations", AGENT_B1)
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void aPlatformAdminNamesTheBrand() {
        given().get("/api/v1/agents/{agentId}/conversations", AGENT_B1)
                .then()
                .statusCode(400)
                .body("errors.field", contains("brandId"));
        assertThat(ids(AGENT_B1, Map.of("brandId", OTHER_BRAND))).containsExactly("ac-8");
    }

    @Test
    @TestSecurity(user = "li", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR_A), @Claim(key = "agent_id", value = AGENT_A1)})
    void badParametersAreNamed() {
        String brandListCursor = new PageCursor(PageCursor.Order.STARTED, T0, "ac-1").encode();
        given().queryParams(Map.of("status", "ANY", "limit", "0", "cursor", brandListCursor))
                .get("/api/v1/agents/{agentId}/conversations", AGENT_A1)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("status", "limit", "cursor"));
    }

    @Test
    void requestsWithoutTokenAreUnauthorized() {
        given().get("/api/v1/agents/{agentId}/conversations", AGENT_A1).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "nobody")
    void aTokenWithoutARoleIsForbidden() {
        given().get("/api/v1/agents/{agentId}/conversations", AGENT_A1).then().statusCode(403);
    }

    /** A conversation the customer starts at T0 and {@code agentId} answers last at {@code lastMessageAt}. */
    private static ConversationSeed.ConversationRows conversation(
            String brandId, String conversationId, String vendorId, String agentId, Instant lastMessageAt) {
        return ConversationSeed.conversation(brandId, conversationId, vendorId)
                .customer(conversationId + "-c", T0, "Hi", false)
                .agent(conversationId + "-a", agentId, lastMessageAt, "Hello");
    }

    private static List<String> ids(String agentId, Map<String, String> parameters) {
        return given().queryParams(parameters)
                .get("/api/v1/agents/{agentId}/conversations", agentId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.conversationId", String.class);
    }
}

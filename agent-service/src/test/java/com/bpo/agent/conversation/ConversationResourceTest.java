package com.bpo.agent.conversation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ConversationResourceTest {

    private static final String BRAND = "brand-cq";
    private static final String OTHER_BRAND = "brand-cq-other";
    private static final String VENDOR_A = "vendor-cq-a";
    private static final String VENDOR_B = "vendor-cq-b";
    private static final String AGENT_A1 = "agent-cq-a1";
    private static final String AGENT_A2 = "agent-cq-a2";
    private static final String AGENT_B1 = "agent-cq-b1";

    // Newest first: C4 (vendor A, agent A2), C3 (vendor A, agent A1), C2 (vendor B), C1 (vendor A, both, closed).
    private static final String C1 = "conv-cq-1";
    private static final String C2 = "conv-cq-2";
    private static final String C3 = "conv-cq-3";
    private static final String C4 = "conv-cq-4";
    private static final String ONLY_IN_OTHER_BRAND = "conv-cq-elsewhere";

    // Open conversations are recent: the service closes those idle for longer than its idle time (30 minutes).
    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));

    @BeforeEach
    void seedTwoVendorsServingTheBrand() {
        ConversationSeed.brand(BRAND, "Asia/Shanghai");
        ConversationSeed.brand(OTHER_BRAND, "Asia/Shanghai");
        ConversationSeed.vendor(VENDOR_A, AGENT_A1, AGENT_A2);
        ConversationSeed.vendor(VENDOR_B, AGENT_B1);
        ConversationSeed.engagement("engagement-cq-a", BRAND, VENDOR_A);
        ConversationSeed.engagement("engagement-cq-b", BRAND, VENDOR_B);

        ConversationSeed.conversation(BRAND, C1, VENDOR_A)
                .customer("m-1", T0, "My phone is 138****5678", true)
                // Two messages in the same microsecond: the message id decides their order.
                .agent("m-3", AGENT_A2, T0.plusSeconds(12), "Hello")
                .agent("m-2", AGENT_A2, T0.plusSeconds(12), "One moment")
                .agent("m-4", AGENT_A1, T0.plusSeconds(40), "Done")
                .closed(T0.plusSeconds(60), AGENT_A1)
                .seed();
        ConversationSeed.conversation(BRAND, C2, VENDOR_B)
                .customer("m-21", T0.plusSeconds(120), "Hi", false)
                .agent("m-22", AGENT_B1, T0.plusSeconds(130), "Hello")
                .seed();
        ConversationSeed.conversation(BRAND, C3, VENDOR_A)
                .in("shop-2", "customer-2")
                .customer("m-31", T0.plusSeconds(240), "Hi", false)
                .agent("m-32", AGENT_A1, T0.plusSeconds(250), "Hello")
                .seed();
        ConversationSeed.conversation(BRAND, C4, VENDOR_A)
                .customer("m-41", T0.plusSeconds(360), "Hi", false)
                .agent("m-42", AGENT_A2, T0.plusSeconds(370), "Hello")
                .seed();

        // The same conversation id in another brand is another conversation.
        ConversationSeed.conversation(OTHER_BRAND, C1, VENDOR_B)
                .customer("m-1", T0, "Elsewhere", false)
                .seed();
        ConversationSeed.conversation(OTHER_BRAND, ONLY_IN_OTHER_BRAND, VENDOR_B)
                .customer("m-2", T0, "Elsewhere", false)
                .seed();
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void aConversationComesWithItsAgentsFactsAndMaskedMessagesInOrder() {
        given().get("/api/v1/chat/conversations/{id}", C1)
                .then()
                .statusCode(200)
                .body("brandId", equalTo(BRAND))
                .body("conversationId", equalTo(C1))
                .body("vendorId", equalTo(VENDOR_A))
                .body("shopId", equalTo("shop-1"))
                .body("channel", equalTo("CHAT"))
                .body("customerId", equalTo("customer-1"))
                .body("engagementId", equalTo("engagement-" + VENDOR_A))
                .body("status", equalTo("CLOSED"))
                .body("startedAt", equalTo(T0.toString()))
                .body("lastMessageAt", equalTo(T0.plusSeconds(40).toString()))
                .body("closedAt", equalTo(T0.plusSeconds(60).toString()))
                .body("closedBy", equalTo("AGENT"))
                .body("counts.customerMessages", equalTo(1))
                .body("counts.agentMessages", equalTo(3))
                .body("counts.botMessages", equalTo(0))
                // In the order of their first message, not of their ids.
                .body("agentIds", contains(AGENT_A2, AGENT_A1))
                .body("facts.factsRevision", equalTo(1))
                .body("facts.stale", equalTo(false))
                .body("facts.firstResponseSeconds", equalTo(12))
                .body("facts.bursts", equalTo(3))
                .body("facts.answeredBursts", equalTo(2))
                .body("facts.slowBursts", equalTo(1))
                .body("facts.totalResponseSeconds", equalTo(50))
                .body("facts.responseThresholdSeconds", equalTo(30))
                .body("facts.lastAgentId", equalTo(AGENT_A1))
                .body("messages.messageId", contains("m-1", "m-2", "m-3", "m-4"))
                .body("messages[0].sender", equalTo("CUSTOMER"))
                .body("messages[0].agentId", nullValue())
                .body("messages[0].sentAt", equalTo(T0.toString()))
                .body("messages[0].text", equalTo("My phone is 138****5678"))
                .body("messages[0].redacted", equalTo(true))
                .body("messages[1].sender", equalTo("AGENT"))
                .body("messages[1].agentId", equalTo(AGENT_A2))
                .body("messages[1].redacted", equalTo(false))
                .body("messagesTruncated", equalTo(false));
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void anOpenConversationHasNoFactsYet() {
        given().get("/api/v1/chat/conversations/{id}", C3)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("$", hasKey("facts"))
                .body("facts", nullValue())
                .body("closedAt", nullValue())
                .body("messages.messageId", contains("m-31", "m-32"))
                .body("messagesTruncated", equalTo(false));
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void theBrandsConversationsAreListedNewestFirstWithoutMessages() {
        given().get("/api/v1/chat/conversations")
                .then()
                .statusCode(200)
                .body("items.conversationId", contains(C4, C3, C2, C1))
                .body("items[3].agentIds", contains(AGENT_A2, AGENT_A1))
                .body("items[2].agentIds", contains(AGENT_B1))
                .body("items[3].facts.bursts", equalTo(3))
                .body("items[0]", not(hasKey("messages")))
                .body("items[0]", not(hasKey("messagesTruncated")))
                .body("$", hasKey("nextCursor"))
                .body("nextCursor", nullValue());
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_AUDITOR)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void theListIsFilteredByShopVendorAgentCustomerStatusAndTime() {
        assertThat(ids(Map.of("shopId", "shop-2"))).containsExactly(C3);
        assertThat(ids(Map.of("vendorId", VENDOR_B))).containsExactly(C2);
        assertThat(ids(Map.of("agentId", AGENT_A1))).containsExactly(C3, C1);
        assertThat(ids(Map.of("customerId", "customer-2"))).containsExactly(C3);
        assertThat(ids(Map.of("status", "CLOSED"))).containsExactly(C1);
        assertThat(ids(Map.of("status", "OPEN", "vendorId", VENDOR_A))).containsExactly(C4, C3);
        // from is inclusive, to exclusive.
        assertThat(ids(Map.of(
                        "from",
                        T0.plusSeconds(120).toString(),
                        "to",
                        T0.plusSeconds(240).toString())))
                .containsExactly(C2);
        String fromInShanghai =
                T0.plusSeconds(120).atOffset(ZoneOffset.ofHours(8)).toString();
        assertThat(ids(Map.of("from", fromInShanghai))).containsExactly(C4, C3, C2);
        assertThat(ids(Map.of("shopId", "shop-unknown"))).isEmpty();
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = "brand-cq-paging"))
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        String brand = "brand-cq-paging";
        ConversationSeed.brand(brand, "Asia/Shanghai");
        Instant at = Instant.parse("2026-05-11T10:00:00Z");
        Map<String, Instant> starts = Map.of(
                "p-1", at,
                // Three conversations start in the same microsecond, and a page ends in the middle of them.
                "p-2", at.plusSeconds(60),
                "p-3", at.plusSeconds(60),
                "p-4", at.plusSeconds(60),
                "p-5", at.plusSeconds(120),
                "p-6", at.plusSeconds(180),
                "p-7", at.plusSeconds(180));
        starts.forEach((id, start) -> closedConversation(brand, id, start));

        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/chat/conversations")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            pages.add(page.getList("items.conversationId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null && pages.size() < 10);

        assertThat(pages)
                .containsExactly(List.of("p-6", "p-7"), List.of("p-5", "p-2"), List.of("p-3", "p-4"), List.of("p-1"));
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = "brand-cq-day"))
    void aDayIsALocalDayInTheBrandsTimeZone() {
        String brand = "brand-cq-day";
        ConversationSeed.brand(brand, "Asia/Shanghai");
        // Shanghai is UTC+8: local midnight of 2 June is 16:00 UTC on 1 June.
        Map<String, Instant> starts = Map.of(
                "d-1-last", Instant.parse("2026-06-01T15:59:59.999999Z"),
                "d-2-first", Instant.parse("2026-06-01T16:00:00Z"),
                "d-2-noon-utc", Instant.parse("2026-06-02T12:00:00Z"),
                "d-2-last", Instant.parse("2026-06-02T15:59:59.999999Z"),
                "d-3-first", Instant.parse("2026-06-02T16:00:00Z"));
        starts.forEach((id, at) -> closedConversation(brand, id, at));

        assertThat(ids(Map.of("day", "2026-06-02"))).containsExactly("d-2-last", "d-2-noon-utc", "d-2-first");
        assertThat(ids(Map.of("day", "2026-06-01"))).containsExactly("d-1-last");
        assertThat(ids(Map.of("day", "2026-06-03"))).containsExactly("d-3-first");
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void badParametersAreNamed() {
        badList(Map.of("limit", "0")).body("errors.field", contains("limit"));
        badList(Map.of("limit", "501")).body("errors.field", contains("limit"));
        badList(Map.of("limit", "ten")).body("errors.field", contains("limit"));
        badList(Map.of("status", "DONE")).body("errors.field", contains("status"));
        badList(Map.of("day", "2026-13-01")).body("errors.field", contains("day"));
        badList(Map.of("from", "yesterday")).body("errors.field", contains("from"));
        badList(Map.of("to", "2026-06-01T00:00:00")).body("errors.field", contains("to"));
        badList(Map.of("day", "2026-06-01", "from", "2026-06-01T00:00:00Z")).body("errors.field", contains("day"));
        badList(Map.of("from", "2026-06-02T00:00:00Z", "to", "2026-06-01T00:00:00Z"))
                .body("errors.field", contains("to"));
        badList(Map.of("cursor", "not-a-cursor")).body("errors.field", contains("cursor"));
        String agentListCursor = new PageCursor(PageCursor.Order.ACTIVITY, T0, C1).encode();
        badList(Map.of("cursor", agentListCursor)).body("errors.field", contains("cursor"));
        badList(Map.of("limit", "-1", "status", "open"))
                .body("errors.field", containsInAnyOrder("limit", "status"))
                .body("errors.rejectedValue", hasItem("-1"));

        given().queryParam("messagesAfter", "m-unknown")
                .get("/api/v1/chat/conversations/{id}", C1)
                .then()
                .statusCode(400)
                .body("errors.field", contains("messagesAfter"));
    }

    @Test
    void requestsWithoutTokenAreUnauthorized() {
        given().get("/api/v1/chat/conversations").then().statusCode(401);
        given().get("/api/v1/chat/conversations/{id}", C1).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "nobody")
    void aTokenWithoutARoleIsForbidden() {
        given().get("/api/v1/chat/conversations").then().statusCode(403);
        given().get("/api/v1/chat/conversations/{id}", C1).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void anotherBrandsConversationsAreNotFound() {
        given().get("/api/v1/chat/conversations/{id}", ONLY_IN_OTHER_BRAND)
                .then()
                .statusCode(404);
        given().queryParam("brandId", OTHER_BRAND)
                .get("/api/v1/chat/conversations/{id}", C1)
                .then()
                .statusCode(404);
        given().queryParam("brandId", OTHER_BRAND)
                .get("/api/v1/chat/conversations")
                .then()
                .statusCode(404);
        // The same id in the caller's own brand is the caller's conversation.
        given().get("/api/v1/chat/conversations/{id}", C1)
                .then()
                .statusCode(200)
                .body("vendorId", equalTo(VENDOR_A));
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_A))
    void aVendorSeesOnlyItsShare() {
        assertThat(ids(Map.of())).containsExactly(C4, C3, C1);
        assertThat(ids(Map.of("vendorId", VENDOR_B))).isEmpty();
        given().get("/api/v1/chat/conversations/{id}", C2).then().statusCode(404);
        given().get("/api/v1/chat/conversations/{id}", C1)
                .then()
                .statusCode(200)
                // A conversation shows every agent who wrote in it.
                .body("agentIds", contains(AGENT_A2, AGENT_A1));
        // The vendor serves no other brand.
        given().queryParam("brandId", OTHER_BRAND)
                .get("/api/v1/chat/conversations/{id}", C1)
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "erp", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void aBrandsIntegrationClientReadsAllItsConversations() {
        assertThat(ids(Map.of())).containsExactly(C4, C3, C2, C1);
    }

    @Test
    @TestSecurity(user = "zhao", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_B))
    void aVendorAdminReadsItsVendorsConversations() {
        assertThat(ids(Map.of())).containsExactly(C2);
        given().get("/api/v1/chat/conversations/{id}", C2).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "wu", roles = Roles.QA_REVIEWER)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_B))
    void aVendorsQaReviewerSeesTheVendorsShare() {
        assertThat(ids(Map.of())).containsExactly(C2);
        given().get("/api/v1/chat/conversations/{id}", C1).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "li", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR_A), @Claim(key = "agent_id", value = AGENT_A1)})
    void anAgentSeesOnlyConversationsItTookPartIn() {
        assertThat(ids(Map.of())).containsExactly(C3, C1);
        // Another agent's conversations narrow to those both took part in.
        assertThat(ids(Map.of("agentId", AGENT_A2))).containsExactly(C1);
        given().get("/api/v1/chat/conversations/{id}", C4).then().statusCode(404);
        given().get("/api/v1/chat/conversations/{id}", C2).then().statusCode(404);
        given().get("/api/v1/chat/conversations/{id}", C1)
                .then()
                .statusCode(200)
                .body("messages", hasSize(4));
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void aPlatformAdminNamesTheBrand() {
        given().get("/api/v1/chat/conversations").then().statusCode(400).body("errors.field", contains("brandId"));
        given().get("/api/v1/chat/conversations/{id}", C1)
                .then()
                .statusCode(400)
                .body("errors.field", contains("brandId"));

        given().queryParam("brandId", OTHER_BRAND)
                .get("/api/v1/chat/conversations/{id}", C1)
                .then()
                .statusCode(200)
                .body("vendorId", equalTo(VENDOR_B));
        given().queryParam("brandId", "brand-cq-unknown")
                .get("/api/v1/chat/conversations")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void aLongConversationShowsItsMessagesAThousandAtATime() {
        String brand = "brand-cq-long";
        ConversationSeed.brand(brand, "Asia/Shanghai");
        Instant start = Instant.parse("2026-05-11T10:00:00Z");
        ConversationSeed.conversation(brand, "long", VENDOR_A)
                .customerMessages("lm-", 1_005, start)
                .closed(start.plusSeconds(2_000), null)
                .seed();

        JsonPath first = given().queryParam("brandId", brand)
                .get("/api/v1/chat/conversations/{id}", "long")
                .then()
                .statusCode(200)
                .body("messagesTruncated", equalTo(true))
                .extract()
                .jsonPath();
        List<String> firstIds = first.getList("messages.messageId", String.class);
        assertThat(firstIds).hasSize(ConversationQueries.MESSAGE_PAGE_SIZE).startsWith("lm-0001");
        assertThat(firstIds.get(firstIds.size() - 1)).isEqualTo("lm-1000");

        given().queryParam("brandId", brand)
                .queryParam("messagesAfter", "lm-1000")
                .get("/api/v1/chat/conversations/{id}", "long")
                .then()
                .statusCode(200)
                .body("messages.messageId", contains("lm-1001", "lm-1002", "lm-1003", "lm-1004", "lm-1005"))
                .body("messagesTruncated", equalTo(false));
    }

    /** A closed conversation of one message: past conversations are closed, or the service would close them. */
    private static void closedConversation(String brandId, String conversationId, Instant at) {
        ConversationSeed.conversation(brandId, conversationId, VENDOR_A)
                .customer(conversationId + "-1", at, "Hi", false)
                .closed(at.plusSeconds(1_800), null)
                .seed();
    }

    private static List<String> ids(Map<String, String> parameters) {
        return given().queryParams(parameters)
                .get("/api/v1/chat/conversations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.conversationId", String.class);
    }

    private static ValidatableResponse badList(Map<String, String> parameters) {
        return given().queryParams(parameters)
                .get("/api/v1/chat/conversations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }
}

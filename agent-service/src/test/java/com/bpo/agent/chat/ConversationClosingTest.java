package com.bpo.agent.chat;

import static com.bpo.agent.chat.ChatIngestionTest.AGENT;
import static com.bpo.agent.chat.ChatIngestionTest.BRAND;
import static com.bpo.agent.chat.ChatIngestionTest.SHOP;
import static com.bpo.agent.chat.ChatIngestionTest.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.bpo.agent.rest.Seed;
import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.Topics;
import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing conversations by request, by idle time, and publishing their facts again after a late message. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ConversationClosingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private KafkaTestClient kafka;
    // Microseconds: what PostgreSQL keeps of a timestamp.
    private final Instant now = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MICROS);

    @BeforeEach
    void seed() {
        ChatIngestionTest.seedOrganisation();
        kafka = new KafkaTestClient(InfraTestResource.kafka().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private static String id(String name) {
        return name + "-" + Long.toHexString(System.nanoTime());
    }

    /** Stores a conversation the way the ingestion does, as the brand's system, and waits for its row. */
    private void ingest(String conversation, Instant start, boolean answered) {
        List<Map<String, Object>> batch = answered
                ? List.of(
                        message(conversation + "-1", conversation, SHOP, "CUSTOMER", null, start, "在吗"),
                        message(conversation + "-2", conversation, SHOP, "CUSTOMER", null, start.plusSeconds(3), "?"),
                        message(conversation + "-3", conversation, SHOP, "AGENT", AGENT, start.plusSeconds(41), "在"))
                : List.of(message(conversation + "-1", conversation, SHOP, "CUSTOMER", null, start, "在吗"));
        given().contentType(ContentType.JSON)
                .body(batch)
                .post("/api/v1/chat/messages")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(batch.size()));
        await().atMost(WAIT)
                .until(() -> Seed.rows(
                                        "select 1 from message where brand_id = ? and conversation_id = ?",
                                        BRAND,
                                        conversation)
                                .size()
                        == batch.size());
    }

    private static ValidatableResponse close(String conversation, Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/chat/conversations/{id}/close", conversation)
                .then();
    }

    private List<ConsumerRecord<String, String>> closedEvents(String conversation, int count) {
        return kafka
                .awaitRecords(
                        Topics.CHAT_EVENTS,
                        records -> records.stream()
                                        .filter(record -> isClosedEventOf(record, conversation))
                                        .count()
                                >= count,
                        WAIT)
                .stream()
                .filter(record -> isClosedEventOf(record, conversation))
                .toList();
    }

    private static boolean isClosedEventOf(ConsumerRecord<String, String> record, String conversation) {
        return conversation.equals(record.key())
                && EventTypes.CONVERSATION_CLOSED.equals(KafkaTestClient.header(record, CloudEventHeaders.TYPE));
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void closingPublishesTheConversationsFactsOnce() {
        String conversation = id("close");
        ingest(conversation, now, true);
        Instant closedAt = now.plusSeconds(90);

        close(conversation, Map.of("closedAt", closedAt.toString(), "closedBy", "CUSTOMER"))
                .statusCode(200)
                .body("conversationId", equalTo(conversation))
                .body("bursts", equalTo(1))
                .body("answeredBursts", equalTo(1))
                .body("slowBursts", equalTo(1))
                .body("firstResponseSeconds", equalTo(41))
                .body("agentIds", equalTo(List.of(AGENT)))
                .body("closedBy", equalTo("CUSTOMER"));

        ConsumerRecord<String, String> event = closedEvents(conversation, 1).get(0);
        assertThat(EventSchemas.validate(
                        EventTypes.CONVERSATION_CLOSED, event.value().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        JsonPath facts = JsonPath.from(event.value());
        assertThat(facts.getInt("customerMessages")).isEqualTo(2);
        assertThat(facts.getInt("responseThresholdSeconds")).isEqualTo(30);
        assertThat(facts.getString("engagementId")).isEqualTo("engagement-ci");
        assertThat(Instant.parse(facts.getString("closedAt"))).isEqualTo(closedAt);

        // Closing again answers the same facts and publishes nothing more.
        close(conversation, Map.of()).statusCode(200).body("closedBy", equalTo("CUSTOMER"));
        assertThat(Seed.rows(
                        "select status, facts_revision from conversation where brand_id = ? and conversation_id = ?",
                        BRAND,
                        conversation))
                .containsExactly(Map.of("status", "CLOSED", "facts_revision", 1));
        assertThat(Seed.rows(
                        "select count(*) as events from kit_outbox where ce_type = ? and ce_subject = ?",
                        EventTypes.CONVERSATION_CLOSED,
                        conversation))
                .containsExactly(Map.of("events", 1L));
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void aLateMessagePublishesTheFactsAgainWithIt() {
        String conversation = id("late");
        ingest(conversation, now, false);
        close(conversation, Map.of("closedAt", now.plusSeconds(60).toString()))
                .statusCode(200)
                .body("answeredBursts", equalTo(0));

        // The agent's reply was sent before the close but delivered after it.
        given().contentType(ContentType.JSON)
                .body(List.of(
                        message(conversation + "-9", conversation, SHOP, "AGENT", AGENT, now.plusSeconds(20), "在")))
                .post("/api/v1/chat/messages")
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> events = closedEvents(conversation, 2);
        JsonPath latest = JsonPath.from(events.get(events.size() - 1).value());
        assertThat(latest.getInt("answeredBursts")).isEqualTo(1);
        assertThat(latest.getInt("firstResponseSeconds")).isEqualTo(20);
        assertThat(Seed.rows(
                        "select facts_revision, facts_stale from conversation where brand_id = ? and conversation_id = ?",
                        BRAND,
                        conversation))
                .containsExactly(Map.of("facts_revision", 2, "facts_stale", false));
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void aSilentConversationIsClosedAfterTheIdleTime() {
        String conversation = id("idle");
        Instant longAgo = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MICROS);
        ingest(conversation, longAgo, true);

        List<ConsumerRecord<String, String>> events = closedEvents(conversation, 1);
        JsonPath facts = JsonPath.from(events.get(0).value());
        assertThat(facts.getString("closedBy")).isEqualTo("SYSTEM");
        // Closed when the idle time (30 minutes) after the last message ran out.
        assertThat(Instant.parse(facts.getString("closedAt")))
                .isEqualTo(longAgo.plusSeconds(41).plus(Duration.ofMinutes(30)));
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void closingBeforeTheFirstMessageNamesClosedAt() {
        String conversation = id("early");
        ingest(conversation, now, false);

        close(conversation, Map.of("closedAt", now.minusSeconds(1).toString()))
                .statusCode(400)
                .body("errors[0].field", equalTo("closedAt"));
    }

    @Test
    @TestSecurity(user = "other-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = ChatIngestionTest.OTHER_BRAND))
    void anotherBrandsConversationIsNotFound() {
        String conversation = id("foreign");
        Seed.execute(
                "insert into conversation (brand_id, conversation_id, vendor_id, shop_id, channel, customer_id,"
                        + " started_at, last_message_at, customer_messages, agent_messages, bot_messages, status)"
                        + " values (?, ?, 'vendor-ci', 'shop-ci', 'CHAT', 'c-1', now(), now(), 1, 0, 0, 'OPEN')",
                BRAND,
                conversation);

        close(conversation, Map.of()).statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/chat/conversations/{id}/close?brandId=" + BRAND, conversation)
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "agent-2", roles = Roles.AGENT)
    @OidcSecurity(
            claims = {
                @Claim(key = "vendor_id", value = ChatIngestionTest.VENDOR),
                @Claim(key = "agent_id", value = "agent-ci-elsewhere")
            })
    void anAgentWhoDidNotTakePartCannotCloseIt() {
        String conversation = id("notmine");
        Seed.execute(
                "insert into conversation (brand_id, conversation_id, vendor_id, shop_id, channel, customer_id,"
                        + " started_at, last_message_at, customer_messages, agent_messages, bot_messages, status)"
                        + " values (?, ?, 'vendor-ci', 'shop-ci', 'CHAT', 'c-1', now(), now(), 1, 0, 0, 'OPEN')",
                BRAND,
                conversation);

        close(conversation, Map.of()).statusCode(404);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void platformAdminsNameTheBrand() {
        close("any", Map.of()).statusCode(400).body("errors[0].field", equalTo("brandId"));
    }

    @Test
    @TestSecurity(user = "analyst", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void analystsCannotClose() {
        close("any", Map.of()).statusCode(403);
    }

    @Test
    void anonymousCallersGet401() {
        close("any", Map.of()).statusCode(401);
    }
}

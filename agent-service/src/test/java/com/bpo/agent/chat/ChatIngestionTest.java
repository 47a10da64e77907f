package com.bpo.agent.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.bpo.agent.rest.Seed;
import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventIds;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.Topics;
import com.bpo.kit.pii.PiiCipher;
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
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chat ingestion end to end against real Kafka and PostgreSQL: the answer, the records on {@code chat.events} and the
 * internal originals topic, and the tables agent-service builds from them.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
public class ChatIngestionTest {

    public static final String BRAND = "brand-ci";
    public static final String OTHER_BRAND = "brand-ci-other";
    public static final String SHOP = "shop-ci";
    public static final String SHARED_SHOP = "shop-ci-shared";
    public static final String OTHER_SHOP = "shop-ci-other";
    public static final String VENDOR = "vendor-ci";
    public static final String SECOND_VENDOR = "vendor-ci-second";
    public static final String AGENT = "agent-ci-1";
    public static final String SECOND_AGENT = "agent-ci-2";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PiiCipher cipher;

    private KafkaTestClient kafka;
    // Microseconds: what PostgreSQL keeps of a timestamp.
    private final Instant now = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);

    @BeforeEach
    void seed() {
        seedOrganisation();
        kafka = new KafkaTestClient(InfraTestResource.kafka().bootstrapServers());
    }

    /** brand-ci: shop-ci served by vendor-ci alone, shop-ci-shared by both vendors; another brand with its shop. */
    public static void seedOrganisation() {
        Seed.brand(BRAND);
        Seed.brand(OTHER_BRAND);
        Seed.shop(SHOP, BRAND);
        Seed.shop(SHARED_SHOP, BRAND);
        Seed.shop(OTHER_SHOP, OTHER_BRAND);
        Seed.engagement("engagement-ci", BRAND, VENDOR, "{}", "{CHAT,PHONE}");
        Seed.engagement("engagement-ci-second", BRAND, SECOND_VENDOR, "{" + SHARED_SHOP + "}", "{CHAT,PHONE}");
        Seed.engagement("engagement-ci-other", OTHER_BRAND, SECOND_VENDOR, "{}", "{CHAT,PHONE}");
        Seed.team("team-ci", VENDOR);
        Seed.team("team-ci-second", SECOND_VENDOR);
        Seed.agent(AGENT, VENDOR, "team-ci");
        Seed.agent(SECOND_AGENT, SECOND_VENDOR, "team-ci-second");
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    public static Map<String, Object> message(
            String id, String conversation, String shop, String sender, String agent, Instant sentAt, String text) {
        Map<String, Object> message = new HashMap<>();
        message.put("messageId", id);
        message.put("conversationId", conversation);
        message.put("shopId", shop);
        message.put("customerId", "customer-" + conversation);
        message.put("sender", sender);
        if (agent != null) {
            message.put("agentId", agent);
        }
        message.put("sentAt", sentAt.toString());
        message.put("text", text);
        return message;
    }

    static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/chat/messages")
                .then();
    }

    private String id(String name) {
        return name + "-" + Long.toHexString(System.nanoTime());
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void acceptedMessagesArePublishedRedactedAndStoredWithTheirEncryptedOriginal() {
        String conversation = id("conv");
        List<Map<String, Object>> batch = List.of(
                message(conversation + "-1", conversation, SHOP, "CUSTOMER", null, now, "粽子还有货吗?"),
                message(conversation + "-2", conversation, SHOP, "AGENT", AGENT, now.plusSeconds(12), "有的,亲"),
                message(
                        conversation + "-3",
                        conversation,
                        SHOP,
                        "CUSTOMER",
                        null,
                        now.plusSeconds(20),
                        "我的手机 13812345678,请回电"),
                message(conversation + "-4", conversation, SHOP, "BOT", null, now.plusSeconds(21), "稍等"));

        post(batch)
                .statusCode(200)
                .body("accepted", equalTo(4))
                .body("rejected", equalTo(0))
                .body("duplicates", equalTo(0));

        List<ConsumerRecord<String, String>> published = messagesOf(conversation, 4);
        for (ConsumerRecord<String, String> record : published) {
            assertThat(record.key()).isEqualTo(conversation);
            assertThat(EventSchemas.validate(
                            EventTypes.MESSAGE_SENT, record.value().getBytes(StandardCharsets.UTF_8)))
                    .isEmpty();
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.BRAND_ID))
                    .isEqualTo(BRAND);
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.VENDOR_ID))
                    .isEqualTo(VENDOR);
            String messageId = JsonPath.from(record.value()).getString("messageId");
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.ID))
                    .isEqualTo(EventIds.forFact(EventTypes.MESSAGE_SENT, BRAND, messageId));
        }
        JsonPath withPhone = published.stream()
                .map(record -> JsonPath.from(record.value()))
                .filter(json -> json.getString("messageId").endsWith("-3"))
                .findFirst()
                .orElseThrow();
        assertThat(withPhone.getString("text")).contains("138****5678").doesNotContain("13812345678");
        assertThat(withPhone.getBoolean("redacted")).isTrue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(Seed.rows(
                        "select customer_messages, agent_messages, bot_messages, status, vendor_id,"
                                + " engagement_id from conversation where brand_id = ? and conversation_id = ?",
                        BRAND,
                        conversation))
                .containsExactly(Map.of(
                        "customer_messages",
                        2,
                        "agent_messages",
                        1,
                        "bot_messages",
                        1,
                        "status",
                        "OPEN",
                        "vendor_id",
                        VENDOR,
                        "engagement_id",
                        "engagement-ci")));
        assertThat(Seed.rows(
                        "select agent_id from conversation_agent where brand_id = ? and conversation_id = ?",
                        BRAND,
                        conversation))
                .containsExactly(Map.of("agent_id", AGENT));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Seed.rows(
                        "select text_ciphertext from message_original where brand_id = ? and message_id = ?",
                        BRAND,
                        conversation + "-3"))
                .hasSize(1));
        byte[] ciphertext = (byte[]) Seed.rows(
                        "select text_ciphertext from message_original where brand_id = ? and message_id = ?",
                        BRAND,
                        conversation + "-3")
                .get(0)
                .get("text_ciphertext");
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");
        assertThat(cipher.decrypt(BRAND, MessageOriginal.TEXT_FIELD, ciphertext))
                .isEqualTo("我的手机 13812345678,请回电");
        assertThat(Seed.rows(
                        "select count(*) as originals from message_original m"
                                + " join message using (brand_id, message_id) where message.conversation_id = ?",
                        conversation))
                .containsExactly(Map.of("originals", 1L));

        ConsumerRecord<String, String> started = kafka.awaitRecord(
                Topics.CHAT_EVENTS,
                record -> conversation.equals(record.key())
                        && EventTypes.CONVERSATION_STARTED.equals(
                                KafkaTestClient.header(record, CloudEventHeaders.TYPE)),
                WAIT);
        assertThat(EventSchemas.validate(
                        EventTypes.CONVERSATION_STARTED, started.value().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(JsonPath.from(started.value()).getString("engagementId")).isEqualTo("engagement-ci");
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void theOriginalOfAnIngestedMessageComesBackOnlyThroughTheAuditedReveal() {
        String conversation = id("reveal");
        String original = "地址:浙江省杭州市西湖区文三路477号 电话 021-66778899";
        post(List.of(message(conversation + "-1", conversation, SHOP, "CUSTOMER", null, now, original)))
                .statusCode(200)
                .body("accepted", equalTo(1));
        await().atMost(WAIT).until(() -> !Seed.rows(
                        "select 1 from message_original where brand_id = ? and message_id = ?",
                        BRAND,
                        conversation + "-1")
                .isEmpty());

        given().contentType(ContentType.JSON)
                .body(Map.of("purpose", "customer asked to confirm the delivery address"))
                .post("/api/v1/chat/messages/{id}/reveal", conversation + "-1")
                .then()
                .statusCode(200)
                .body("text", equalTo(original));
        assertThat(Seed.rows(
                        "select redacted_text from message where brand_id = ? and message_id = ?",
                        BRAND,
                        conversation + "-1"))
                .singleElement()
                .satisfies(row -> assertThat((String) row.get("redacted_text"))
                        .doesNotContain("66778899")
                        .doesNotContain("文三路477号"));
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void theSameBatchTwiceChangesNothingDownstream() {
        String conversation = id("twice");
        List<Map<String, Object>> batch = List.of(
                message(conversation + "-1", conversation, SHOP, "CUSTOMER", null, now, "hello"),
                message(conversation + "-2", conversation, SHOP, "AGENT", AGENT, now.plusSeconds(5), "hi"),
                message(
                        conversation + "-3",
                        conversation,
                        SHOP,
                        "CUSTOMER",
                        null,
                        now.plusSeconds(9),
                        "手机13987654321"));

        post(batch).statusCode(200).body("accepted", equalTo(3));
        await().atMost(WAIT)
                .until(() -> Seed.rows("select 1 from message where conversation_id = ?", conversation)
                                .size()
                        == 3);
        List<Map<String, Object>> tablesAfterOne = tables(conversation);

        post(batch).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(3));

        List<ConsumerRecord<String, String>> published = messagesOf(conversation, 6);
        assertThat(published.stream()
                        .map(record -> KafkaTestClient.header(record, CloudEventHeaders.ID))
                        .collect(Collectors.toSet()))
                .hasSize(3);
        // Whatever the second batch publishes has been applied once the table builder passed its records.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(storedOffsetsCover(published)).isTrue());
        assertThat(tables(conversation)).isEqualTo(tablesAfterOne);
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void duplicatesInsideOneBatchArePublishedOnce() {
        String conversation = id("inner");
        Map<String, Object> hello = message(conversation + "-1", conversation, SHOP, "CUSTOMER", null, now, "hello");

        post(List.of(hello, hello, hello))
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(2));

        assertThat(messagesOf(conversation, 1)).hasSize(1);
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void badRecordsAreRejectedByIndexAndFieldWhileTheRestIsAccepted() {
        String conversation = id("mixed");
        List<Object> batch = new ArrayList<>();
        batch.add(message(conversation + "-0", conversation, SHOP, "CUSTOMER", null, now, "ok"));
        batch.add(message(conversation + "-1", conversation, SHOP, "AGENT", null, now, "agent without id"));
        batch.add(message(conversation + "-2", conversation, OTHER_SHOP, "CUSTOMER", null, now, "other brand"));
        batch.add(message(conversation + "-3", conversation, "shop-nowhere", "CUSTOMER", null, now, "no shop"));
        Map<String, Object> noText = message(conversation + "-4", conversation, SHOP, "CUSTOMER", null, now, "x");
        noText.remove("text");
        batch.add(noText);
        Map<String, Object> badTime = message(conversation + "-5", conversation, SHOP, "CUSTOMER", null, now, "x");
        badTime.put("sentAt", "2026-06-01T10:00:00");
        batch.add(badTime);
        batch.add(message(conversation + "-6", conversation, SHOP, "CUSTOMER", AGENT, now, "customer with agent"));
        batch.add(message(conversation + "-7", conversation, SHOP, "AGENT", "agent-nobody", now, "unknown agent"));
        batch.add(message(conversation + "-8", conversation, SHOP, "AGENT", SECOND_AGENT, now, "wrong vendor"));

        JsonPath answer = JsonPath.from(post(batch)
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(8))
                .extract()
                .asString());

        Map<Integer, String> fieldByIndex = new HashMap<>();
        List<Map<String, Object>> rejections = answer.getList("rejections");
        for (Map<String, Object> rejection : rejections) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) rejection.get("errors");
            fieldByIndex.put(
                    (Integer) rejection.get("index"), (String) errors.get(0).get("field"));
        }
        assertThat(fieldByIndex)
                .containsEntry(1, "agentId")
                .containsEntry(2, "shopId")
                .containsEntry(3, "shopId")
                .containsEntry(4, "text")
                .containsEntry(5, "sentAt")
                .containsEntry(6, "agentId")
                .containsEntry(7, "agentId")
                .containsEntry(8, "agentId")
                .hasSize(8);
        assertThat(messagesOf(conversation, 1))
                .extracting(record -> JsonPath.from(record.value()).getString("messageId"))
                .containsExactly(conversation + "-0");
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void ndjsonIsTakenLineByLine() {
        String conversation = id("nd");
        String body = "{\"messageId\":\"" + conversation + "-1\",\"conversationId\":\"" + conversation
                + "\",\"shopId\":\"" + SHOP + "\",\"customerId\":\"c-1\",\"sender\":\"CUSTOMER\",\"sentAt\":\""
                + now + "\",\"text\":\"在吗\"}\n"
                + "{this is not json}\n"
                + "\n"
                + "{\"messageId\":\"" + conversation + "-2\",\"conversationId\":\"" + conversation
                + "\",\"shopId\":\"" + SHOP + "\",\"customerId\":\"c-1\",\"sender\":\"AGENT\",\"agentId\":\"" + AGENT
                + "\",\"sentAt\":\"" + now.plusSeconds(3) + "\",\"text\":\"在的\"}\n";

        given().contentType("application/x-ndjson; charset=utf-8")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/chat/messages")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("rejections[0].index", equalTo(1));

        assertThat(messagesOf(conversation, 2)).hasSize(2);
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void aShopServedBySeveralVendorsNeedsTheVendorUntilAnAgentWrote() {
        String open = id("shared");
        post(List.of(message(open + "-1", open, SHARED_SHOP, "CUSTOMER", null, now, "hi")))
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("rejections[0].errors[0].field", equalTo("vendorId"));

        // In one batch, the agent's message decides the vendor of the customer messages before it.
        String answered = id("shared");
        post(List.of(
                        message(answered + "-1", answered, SHARED_SHOP, "CUSTOMER", null, now, "hi"),
                        message(
                                answered + "-2",
                                answered,
                                SHARED_SHOP,
                                "AGENT",
                                SECOND_AGENT,
                                now.plusSeconds(4),
                                "hello")))
                .statusCode(200)
                .body("accepted", equalTo(2));
        assertThat(messagesOf(answered, 2))
                .allSatisfy(record -> assertThat(KafkaTestClient.header(record, CloudEventHeaders.VENDOR_ID))
                        .isEqualTo(SECOND_VENDOR));

        Map<String, Object> named = message(open + "-2", open, SHARED_SHOP, "CUSTOMER", null, now, "hi again");
        named.put("vendorId", VENDOR);
        post(List.of(named)).statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    @TestSecurity(user = "starcall-lead", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = SECOND_VENDOR))
    void aVendorSendsOnlyForShopsItServes() {
        String conversation = id("vendor");
        post(List.of(
                        message(conversation + "-1", conversation, SHARED_SHOP, "CUSTOMER", null, now, "hi"),
                        message(conversation + "-2", "x" + conversation, SHOP, "CUSTOMER", null, now, "not served"),
                        message(
                                conversation + "-3",
                                "y" + conversation,
                                OTHER_SHOP,
                                "CUSTOMER",
                                null,
                                now,
                                "other brand")))
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejections[0].index", equalTo(1))
                .body("rejections[0].errors[0].field", equalTo("vendorId"));
    }

    @Test
    @TestSecurity(user = "other-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OTHER_BRAND))
    void anotherBrandsShopIsRejectedAndNeverStored() {
        String conversation = id("foreign");
        post(List.of(message(conversation + "-1", conversation, SHOP, "CUSTOMER", null, now, "hi")))
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("rejections[0].errors[0].field", equalTo("shopId"))
                .body("rejections[0].errors[0].message", containsString("not in your scope"));
    }

    @Test
    void anonymousCallersGet401() {
        post(List.of()).statusCode(401);
    }

    @Test
    @TestSecurity(user = "agent", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR), @Claim(key = "agent_id", value = AGENT)})
    void agentsCannotIngest() {
        post(List.of()).statusCode(403);
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void batchesOverTheLimitAreRefusedWhole() {
        String conversation = id("big");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i <= ChatMessageResource.MAX_RECORDS; i++) {
            batch.add(message(conversation + "-" + i, conversation, SHOP, "CUSTOMER", null, now, "x"));
        }
        post(batch).statusCode(413).contentType("application/problem+json");
        assertThat(Seed.rows("select 1 from message where conversation_id = ?", conversation))
                .isEmpty();
    }

    private List<ConsumerRecord<String, String>> messagesOf(String conversation, int count) {
        return kafka
                .awaitRecords(
                        Topics.CHAT_EVENTS,
                        records -> sentOf(records, conversation).size() >= count,
                        WAIT)
                .stream()
                .filter(record -> isMessageOf(record, conversation))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> sentOf(
            List<ConsumerRecord<String, String>> records, String conversation) {
        return records.stream()
                .filter(record -> isMessageOf(record, conversation))
                .toList();
    }

    private static boolean isMessageOf(ConsumerRecord<String, String> record, String conversation) {
        return conversation.equals(record.key())
                && EventTypes.MESSAGE_SENT.equals(KafkaTestClient.header(record, CloudEventHeaders.TYPE));
    }

    private static List<Map<String, Object>> tables(String conversation) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(Seed.rows(
                "select * from conversation where brand_id = ? and conversation_id = ?", BRAND, conversation));
        rows.addAll(Seed.rows(
                "select * from message where brand_id = ? and conversation_id = ? order by message_id",
                BRAND,
                conversation));
        rows.addAll(Seed.rows(
                "select * from conversation_agent where brand_id = ? and conversation_id = ?", BRAND, conversation));
        rows.addAll(Seed.rows(
                "select o.* from message_original o join message m using (brand_id, message_id)"
                        + " where m.brand_id = ? and m.conversation_id = ?",
                BRAND,
                conversation));
        rows.replaceAll(row -> {
            Map<String, Object> comparable = new HashMap<>(row);
            comparable.replaceAll((column, value) -> value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
            return comparable;
        });
        return rows;
    }

    /** Whether the table builder stored offsets past every given record. */
    private static boolean storedOffsetsCover(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            List<Map<String, Object>> stored = Seed.rows(
                    "select next_offset from kit_consumer_offset where consumer = ? and topic = ? and partition = "
                            + record.partition(),
                    ChatTables.CONSUMER,
                    record.topic());
            if (stored.isEmpty() || ((Number) stored.get(0).get("next_offset")).longValue() <= record.offset()) {
                return false;
            }
        }
        return true;
    }
}

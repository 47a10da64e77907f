package com.bpo.agent.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.bpo.agent.rest.Seed;
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
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audited reveal of a chat message's original text. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class MessageRevealTest {

    private static final String OWN = "brand-mr-own";
    private static final String OTHER = "brand-mr-other";
    private static final String VENDOR = "vendor-mr-serving";
    private static final String OTHER_VENDOR = "vendor-mr-elsewhere";
    private static final String AGENT = "agent-mr-1";
    private static final String CONVERSATION = "conversation-mr-1";
    private static final String CUSTOMER = "tb-mr-1";

    private static final String REDACTED = "msg-mr-redacted";
    private static final String PLAIN = "msg-mr-plain";
    private static final String ELSEWHERE = "msg-mr-elsewhere";
    private static final String ABROAD = "msg-mr-abroad";
    private static final String COPIED = "msg-mr-copied";

    private static final String ORIGINAL = "请寄到浙江省杭州市西湖区文三路477号，电话13812345678";
    private static final String MASKED = "请寄到浙江省杭州市西湖区****，电话138****5678";

    @Inject
    PiiCipher cipher;

    private PiiAccessRecords accesses;

    @BeforeEach
    void seedConversationsWithMessages() {
        CustomerSeed.engagement("engagement-mr-serving", OWN, VENDOR);
        CustomerSeed.engagement("engagement-mr-elsewhere", OWN, OTHER_VENDOR);
        CustomerSeed.brand(OTHER);
        CustomerSeed.conversation(OWN, CONVERSATION, VENDOR, CUSTOMER, AGENT);
        CustomerSeed.message(cipher, OWN, REDACTED, CONVERSATION, VENDOR, CUSTOMER, MASKED, ORIGINAL);
        CustomerSeed.message(cipher, OWN, PLAIN, CONVERSATION, VENDOR, CUSTOMER, "粽子什么时候发货？", null);
        CustomerSeed.conversation(OWN, "conversation-mr-2", OTHER_VENDOR, "tb-mr-2", "agent-mr-9");
        CustomerSeed.message(
                cipher, OWN, ELSEWHERE, "conversation-mr-2", OTHER_VENDOR, "tb-mr-2", "电话138****0000", "电话13800000000");
        CustomerSeed.conversation(OTHER, "conversation-mr-3", VENDOR, "tb-mr-3");
        CustomerSeed.message(cipher, OTHER, ABROAD, "conversation-mr-3", VENDOR, "tb-mr-3", "月饼", null);
        accesses = new PiiAccessRecords();
    }

    @AfterEach
    void closeKafka() {
        accesses.close();
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAdminSeesTheOriginalOfARedactedMessageAndTheAccessIsPublished() {
        String accessId = reveal(REDACTED, null, "customer disputes the delivery address", "ticket-7")
                .statusCode(200)
                .body("brandId", equalTo(OWN))
                .body("messageId", equalTo(REDACTED))
                .body("conversationId", equalTo(CONVERSATION))
                .body("text", equalTo(ORIGINAL))
                .extract()
                .path("accessId");

        ConsumerRecord<String, String> record = accesses.await(accessId);
        assertThat(record.key()).isEqualTo(OWN);
        JsonPath payload = PiiAccessRecords.payload(record);
        assertThat(payload.getString("subjectType")).isEqualTo("MESSAGE");
        assertThat(payload.getString("subjectId")).isEqualTo(REDACTED);
        assertThat(payload.getString("customerId")).isEqualTo(CUSTOMER);
        assertThat(payload.getList("fields", String.class)).containsExactly("text");
        assertThat(payload.getString("purpose")).isEqualTo("customer disputes the delivery address");
        assertThat(payload.getString("ticketId")).isEqualTo("ticket-7");
        assertThat(payload.getString("actor.username")).isEqualTo("mei");
        assertThat(record.value()).doesNotContain("13812345678");
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void aRedactedMessageWhoseOriginalIsNotStoredYetIsRefusedNotAnsweredMasked() {
        String pending = "msg-mr-pending";
        Seed.execute(
                "insert into message (brand_id, message_id, conversation_id, vendor_id, shop_id, customer_id, sender,"
                        + " sent_at, redacted_text, redacted) values (?, ?, ?, ?, 'shop-cu', ?, 'CUSTOMER', now(),"
                        + " '电话138****5678', true) on conflict do nothing",
                OWN,
                pending,
                CONVERSATION,
                VENDOR,
                CUSTOMER);

        reveal(pending, null, "customer disputes the delivery address", null).statusCode(409);

        assertThat(CustomerSeed.recordedAccesses(pending)).isZero();
    }

    @Test
    @TestSecurity(user = "jing", roles = Roles.BRAND_AUDITOR)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void aMessageWithNothingRedactedAnswersItsTextAndIsRecordedAllTheSame() {
        long before = CustomerSeed.recordedAccesses(PLAIN);

        reveal(PLAIN, OWN, "quality review", null).statusCode(200).body("text", equalTo("粽子什么时候发货？"));

        assertThat(CustomerSeed.recordedAccesses(PLAIN)).isEqualTo(before + 1);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void vendorSupervisorSeesOnlyTheVendorsMessages() {
        String accessId = reveal(REDACTED, OWN, "coaching", null)
                .statusCode(200)
                .body("text", equalTo(ORIGINAL))
                .extract()
                .path("accessId");
        assertThat(KafkaTestClient.header(accesses.await(accessId), "ce_vendorid"))
                .isEqualTo(VENDOR);

        reveal(ELSEWHERE, OWN, "coaching", null).statusCode(404).body(emptyOrNullString());
        assertThat(CustomerSeed.recordedAccesses(ELSEWHERE)).isZero();
        reveal(ABROAD, OTHER, "not served", null).statusCode(404);
    }

    @Test
    @TestSecurity(user = "xiuying", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR), @Claim(key = "agent_id", value = AGENT)})
    void anAgentSeesMessagesOfConversationsTheyTookPartIn() {
        reveal(REDACTED, OWN, "confirming the address with the customer", null)
                .statusCode(200)
                .body("text", equalTo(ORIGINAL));
        reveal(ELSEWHERE, OWN, "curious", null).statusCode(404);
    }

    @Test
    @TestSecurity(user = "xiaoming", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR), @Claim(key = "agent_id", value = "agent-mr-2")})
    void anAgentWhoTookNoPartGetsNotFound() {
        long before = CustomerSeed.recordedAccesses(REDACTED);

        reveal(REDACTED, OWN, "curious", null).statusCode(404);

        assertThat(CustomerSeed.recordedAccesses(REDACTED)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void anotherBrandsMessageAndAnUnknownMessageAreNotFound() {
        reveal(ABROAD, OTHER, "cross-brand", null).statusCode(404);
        reveal(ABROAD, null, "cross-brand", null).statusCode(404);
        reveal("msg-mr-unknown", null, "not there", null).statusCode(404);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void withoutAPurposeNothingIsShown() {
        long before = CustomerSeed.recordedAccesses(REDACTED);

        given().contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/chat/messages/{m}/reveal", REDACTED)
                .then()
                .statusCode(400)
                .body("errors.field", contains("purpose"))
                .body(not(containsString("13812345678")));
        reveal(REDACTED, null, "", null).statusCode(400).body("errors.field", contains("purpose"));
        reveal(REDACTED, null, "purpose", "ticket 7").statusCode(400).body("errors.field", contains("ticketId"));

        assertThat(CustomerSeed.recordedAccesses(REDACTED)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void anOriginalThatDoesNotDecryptFailsTheRevealAndRecordsNothing() {
        // Encrypted for another brand and copied here: the brand is bound into the ciphertext, so it must not open.
        CustomerSeed.message(cipher, OWN, COPIED, CONVERSATION, VENDOR, CUSTOMER, "电话138****9999", null);
        CustomerSeed.original(
                OWN, COPIED, cipher.encrypt(OTHER, MessageRevealService.MESSAGE_TEXT_FIELD, "电话13800009999"));

        reveal(COPIED, null, "dispute", null)
                .statusCode(500)
                .body("type", equalTo("urn:bpo:problem:internal"))
                .body(not(containsString("13800009999")));

        assertThat(CustomerSeed.recordedAccesses(COPIED)).isZero();
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAnalystMayNotReveal() {
        reveal(REDACTED, null, "analysis", null).statusCode(403).body(not(containsString("13812345678")));
    }

    @Test
    @TestSecurity(user = "integration-mr", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void integrationsMayNotReveal() {
        reveal(REDACTED, null, "sync", null).statusCode(403);
    }

    @Test
    void revealWithoutTokenIsUnauthorized() {
        reveal(REDACTED, OWN, "anonymous", null).statusCode(401);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void platformAdminRevealsOnlyWithABrand() {
        reveal(REDACTED, null, "support case", null).statusCode(400).body("errors.field", hasItem("brandId"));
        reveal(REDACTED, OWN, "support case", null).statusCode(200).body("text", equalTo(ORIGINAL));
    }

    private static ValidatableResponse reveal(String messageId, String brandId, String purpose, String ticketId) {
        Map<String, Object> body = new HashMap<>();
        body.put("purpose", purpose);
        if (ticketId != null) {
            body.put("ticketId", ticketId);
        }
        var request = given().contentType(ContentType.JSON).body(body);
        if (brandId != null) {
            request = request.queryParam("brandId", brandId);
        }
        return request.post("/api/v1/chat/messages/{m}/reveal", messageId).then();
    }
}

package com.bpo.agent.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audited reveal of a customer's personal data: who may, what is answered, and the access record on Kafka. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class CustomerRevealTest {

    private static final String OWN = "brand-cr-own";
    private static final String OTHER = "brand-cr-other";
    private static final String VENDOR = "vendor-cr-serving";
    private static final String OTHER_VENDOR = "vendor-cr-elsewhere";
    private static final String AGENT = "agent-cr-1";

    private static final String SERVED = "tb-served-1";
    private static final String ELSEWHERE = "tb-elsewhere-1";
    private static final String ABROAD = "tb-abroad-1";

    @Inject
    PiiCipher cipher;

    private PiiAccessRecords accesses;
    private String customerId;

    @BeforeEach
    void seedCustomers() {
        CustomerSeed.engagement("engagement-cr-serving", OWN, VENDOR);
        CustomerSeed.engagement("engagement-cr-elsewhere", OWN, OTHER_VENDOR);
        CustomerSeed.brand(OTHER);
        CustomerSeed.customer(
                cipher,
                OWN,
                SERVED,
                Map.of(
                        CustomerField.NAME,
                        "张三",
                        CustomerField.PHONE,
                        "13812345678",
                        CustomerField.ADDRESS,
                        "浙江省杭州市西湖区文三路477号"));
        CustomerSeed.customer(cipher, OWN, ELSEWHERE, Map.of(CustomerField.PHONE, "13700001111"));
        CustomerSeed.customer(cipher, OTHER, ABROAD, Map.of(CustomerField.PHONE, "13600002222"));
        CustomerSeed.conversation(OWN, "conversation-cr-1", VENDOR, SERVED, AGENT);
        CustomerSeed.conversation(OWN, "conversation-cr-2", OTHER_VENDOR, ELSEWHERE, "agent-cr-9");
        // A customer of its own per test, so that the access records a test counts are its own.
        customerId = "tb-cr-" + UUID.randomUUID().toString().substring(0, 8);
        CustomerSeed.customer(
                cipher, OWN, customerId, Map.of(CustomerField.NAME, "李四", CustomerField.PHONE, "13912345678"));
        CustomerSeed.conversation(OWN, "conversation-" + customerId, VENDOR, customerId, AGENT);
        accesses = new PiiAccessRecords();
    }

    @AfterEach
    void closeKafka() {
        accesses.close();
    }

    @Test
    @TestSecurity(user = "jing", roles = Roles.BRAND_AUDITOR)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAuditorSeesTheClearValuesAndTheAccessIsPublishedOnce() {
        String accessId = reveal(customerId, null, List.of("phone", "name"), "complaint follow-up call", "ticket-42")
                .statusCode(200)
                .body("brandId", equalTo(OWN))
                .body("customerId", equalTo(customerId))
                .body("revealed.name", equalTo("李四"))
                .body("revealed.phone", equalTo("13912345678"))
                .body("absent", empty())
                .body("accessId", notNullValue())
                .extract()
                .path("accessId");

        ConsumerRecord<String, String> record = accesses.await(accessId);
        assertThat(record.key()).isEqualTo(OWN);
        assertThat(KafkaTestClient.header(record, "ce_brandid")).isEqualTo(OWN);
        assertThat(KafkaTestClient.header(record, "ce_vendorid")).isNull();
        JsonPath payload = PiiAccessRecords.payload(record);
        assertThat(payload.getString("brandId")).isEqualTo(OWN);
        assertThat(payload.getString("vendorId")).isNull();
        assertThat(payload.getString("service")).isEqualTo("agent-service");
        assertThat(payload.getString("subjectType")).isEqualTo("CUSTOMER");
        assertThat(payload.getString("subjectId")).isEqualTo(customerId);
        assertThat(payload.getString("customerId")).isEqualTo(customerId);
        assertThat(payload.getList("fields", String.class)).containsExactly("name", "phone");
        assertThat(payload.getString("purpose")).isEqualTo("complaint follow-up call");
        assertThat(payload.getString("ticketId")).isEqualTo("ticket-42");
        assertThat(payload.getString("actor.username")).isEqualTo("jing");
        assertThat(payload.getString("actor.userId")).isNotBlank();
        assertThat(payload.getList("actor.roles", String.class)).containsExactly(Roles.BRAND_AUDITOR);
        assertThat(payload.getString("at")).endsWith("Z");
        assertThat(record.value()).doesNotContain("13912345678", "李四");
        assertThat(accesses.aboutSubject(customerId)).hasSize(1);
    }

    @Test
    @TestSecurity(user = "jing", roles = Roles.BRAND_AUDITOR)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void aRequestedFieldTheProfileLacksIsAnsweredAbsentAndStillRecorded() {
        String accessId = reveal(customerId, OWN, List.of("buyerNick", "name", "name"), "identity check", null)
                .statusCode(200)
                .body("revealed.name", equalTo("李四"))
                .body("revealed", not(hasKey("buyerNick")))
                .body("absent", contains("buyerNick"))
                .extract()
                .path("accessId");

        JsonPath payload = PiiAccessRecords.payload(accesses.await(accessId));
        assertThat(payload.getList("fields", String.class)).containsExactly("name", "buyerNick");
        assertThat(payload.getString("ticketId")).isNull();
    }

    @Test
    @TestSecurity(user = "jing", roles = Roles.BRAND_AUDITOR)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void withoutAPurposeNothingIsShownAndNothingRecorded() {
        Map<String, Object> noPurpose = new HashMap<>(Map.of("fields", List.of("phone")));
        given().contentType(ContentType.JSON)
                .body(noPurpose)
                .post("/api/v1/customers/{c}/reveal", customerId)
                .then()
                .statusCode(400)
                .body("errors.field", contains("purpose"))
                .body(not(containsString("13912345678")));
        reveal(customerId, null, List.of("phone"), "   ", null)
                .statusCode(400)
                .body("errors.field", contains("purpose"))
                .body(not(containsString("13912345678")));

        String accessId = reveal(customerId, null, List.of("phone"), "the one with a purpose", null)
                .statusCode(200)
                .extract()
                .path("accessId");
        accesses.await(accessId);
        assertThat(CustomerSeed.recordedAccesses(customerId)).isOne();
        List<JsonPath> recorded = accesses.aboutSubject(customerId);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).getString("purpose")).isEqualTo("the one with a purpose");
    }

    @Test
    @TestSecurity(user = "jing", roles = Roles.BRAND_AUDITOR)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void badRevealInputNamesTheField() {
        reveal(customerId, null, List.of(), "purpose", null).statusCode(400).body("errors.field", contains("fields"));
        reveal(customerId, null, List.of("phone", "email"), "purpose", null)
                .statusCode(400)
                .body("errors.field", contains("fields[1]"));
        reveal(customerId, null, List.of("phone"), "x".repeat(501), null)
                .statusCode(400)
                .body("errors.field", contains("purpose"));
        reveal(customerId, null, List.of("phone"), "purpose", "ticket 42")
                .statusCode(400)
                .body("errors.field", contains("ticketId"));
        given().contentType(ContentType.JSON)
                .post("/api/v1/customers/{c}/reveal", customerId)
                .then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "jing", roles = Roles.BRAND_AUDITOR)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void aRevealFailsWhenItsAccessCannotBeRecorded() {
        String app = InfraTestResource.database().app().username();
        CustomerSeed.asOwner("revoke insert on kit_outbox from " + app);
        try {
            reveal(customerId, null, List.of("phone"), "while the ledger is unavailable", null)
                    .statusCode(500)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:bpo:problem:internal"))
                    .body(not(containsString("13912345678")));
            assertThat(CustomerSeed.recordedAccesses(customerId)).isZero();
        } finally {
            CustomerSeed.asOwner("grant insert on kit_outbox to " + app);
        }
        String accessId = reveal(customerId, null, List.of("phone"), "after the ledger is back", null)
                .statusCode(200)
                .body("revealed.phone", equalTo("13912345678"))
                .extract()
                .path("accessId");
        accesses.await(accessId);
        assertThat(accesses.aboutSubject(customerId))
                .extracting(payload -> payload.getString("purpose"))
                .containsExactly("after the ledger is back");
    }

    @Test
    @TestSecurity(user = "xiuying", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR), @Claim(key = "agent_id", value = AGENT)})
    void anAgentsRevealRecordsTheVendorAndTheAgent() {
        String accessId = reveal(SERVED, OWN, List.of("address"), "delivery address confirmation", null)
                .statusCode(200)
                .body("revealed.address", equalTo("浙江省杭州市西湖区文三路477号"))
                .extract()
                .path("accessId");

        ConsumerRecord<String, String> record = accesses.await(accessId);
        assertThat(KafkaTestClient.header(record, "ce_vendorid")).isEqualTo(VENDOR);
        JsonPath payload = PiiAccessRecords.payload(record);
        assertThat(payload.getString("vendorId")).isEqualTo(VENDOR);
        assertThat(payload.getString("actor.agentId")).isEqualTo(AGENT);
        assertThat(payload.getList("actor.roles", String.class)).containsExactly(Roles.AGENT);

        reveal(ELSEWHERE, OWN, List.of("phone"), "not my customer", null)
                .statusCode(404)
                .body(emptyOrNullString());
        reveal(ABROAD, OTHER, List.of("phone"), "not my brand", null).statusCode(404);
    }

    @Test
    @TestSecurity(user = "xiaoming", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR), @Claim(key = "agent_id", value = "agent-cr-2")})
    void anAgentWhoTookNoPartGetsNotFoundAndNothingIsRecorded() {
        reveal(customerId, OWN, List.of("phone"), "curious", null).statusCode(404);

        assertThat(CustomerSeed.recordedAccesses(customerId)).isZero();
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = OTHER_VENDOR))
    void anotherVendorsCustomerIsNotFound() {
        reveal(customerId, OWN, List.of("phone"), "wrong vendor", null).statusCode(404);
        reveal(ELSEWHERE, OWN, List.of("phone"), "own customer", null)
                .statusCode(200)
                .body("revealed.phone", equalTo("13700001111"));
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void anotherBrandsCustomerIsNotFound() {
        reveal(ABROAD, OTHER, List.of("phone"), "cross-brand", null).statusCode(404);
        reveal(ABROAD, null, List.of("phone"), "cross-brand", null).statusCode(404);
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAnalystMayNotReveal() {
        reveal(customerId, null, List.of("phone"), "analysis", null)
                .statusCode(403)
                .body(not(containsString("13912345678")));
    }

    @Test
    @TestSecurity(user = "integration-cr", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void integrationsMayNotReveal() {
        reveal(customerId, null, List.of("phone"), "sync", null).statusCode(403);

        assertThat(CustomerSeed.recordedAccesses(customerId)).isZero();
    }

    @Test
    void revealWithoutTokenIsUnauthorized() {
        reveal(customerId, OWN, List.of("phone"), "anonymous", null).statusCode(401);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void platformAdminRevealsOnlyWithABrand() {
        reveal(customerId, null, List.of("phone"), "support case", null)
                .statusCode(400)
                .body("errors.field", hasItem("brandId"));
        reveal(ABROAD, OTHER, List.of("phone"), "support case", null)
                .statusCode(200)
                .body("revealed.phone", equalTo("13600002222"));
    }

    private static ValidatableResponse reveal(
            String customerId, String brandId, List<String> fields, String purpose, String ticketId) {
        Map<String, Object> body = new HashMap<>();
        body.put("fields", fields);
        body.put("purpose", purpose);
        if (ticketId != null) {
            body.put("ticketId", ticketId);
        }
        var request = given().contentType(ContentType.JSON).body(body);
        if (brandId != null) {
            request = request.queryParam("brandId", brandId);
        }
        return request.post("/api/v1/customers/{c}/reveal", customerId).then();
    }
}

package com.bpo.agent.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.bpo.kit.pii.PiiCipher;
import com.bpo.kit.pii.PiiDecryptionException;
import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Storing profiles encrypted and reading them masked, with the visibility of brand, vendor and agent staff. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class CustomerResourceTest {

    private static final String OWN = "brand-cu-own";
    private static final String OTHER = "brand-cu-other";
    private static final String VENDOR = "vendor-cu-serving";
    private static final String OTHER_VENDOR = "vendor-cu-elsewhere";
    private static final String AGENT = "agent-cu-1";

    private static final String CHATTED = "tb-chatted-1";
    private static final String CALLED = "tb-called-1";
    private static final String ELSEWHERE = "tb-elsewhere-1";
    private static final String ABROAD = "tb-abroad-1";

    private static final Map<CustomerField, String> PROFILE = Map.of(
            CustomerField.NAME, "张三",
            CustomerField.PHONE, "13812345678",
            CustomerField.ADDRESS, "浙江省杭州市西湖区文三路477号",
            CustomerField.BUYER_NICK, "tb123456789");

    @Inject
    PiiCipher cipher;

    @BeforeEach
    void seedCustomersWithTheirContacts() {
        CustomerSeed.brand(OWN);
        CustomerSeed.brand(OTHER);
        CustomerSeed.engagement("engagement-cu-serving", OWN, VENDOR);
        CustomerSeed.engagement("engagement-cu-elsewhere", OWN, OTHER_VENDOR);
        CustomerSeed.customer(cipher, OWN, CHATTED, PROFILE);
        CustomerSeed.customer(cipher, OWN, CALLED, Map.of(CustomerField.PHONE, "021-12345678"));
        CustomerSeed.customer(cipher, OWN, ELSEWHERE, Map.of(CustomerField.NAME, "李四"));
        CustomerSeed.customer(cipher, OTHER, ABROAD, Map.of(CustomerField.NAME, "王五"));
        CustomerSeed.conversation(OWN, "conversation-cu-1", VENDOR, CHATTED, AGENT);
        CustomerSeed.call(OWN, "call-cu-1", VENDOR, CALLED);
        CustomerSeed.conversation(OWN, "conversation-cu-2", OTHER_VENDOR, ELSEWHERE, "agent-cu-9");
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAdminCreatesAProfileAndReplacesItWhole() {
        put("tb-new-1", null, profile("欧阳娜娜", "+86 139-1234-5678", "上海市浦东新区世纪大道100号", "nana2026"))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/customers/tb-new-1?brandId=" + OWN))
                .body("brandId", equalTo(OWN))
                .body("customerId", equalTo("tb-new-1"))
                .body("name", equalTo("欧***"))
                .body("phone", equalTo("+86 139****5678"))
                .body("address", equalTo("上海市浦东新区****"))
                .body("buyerNick", equalTo("n**6"))
                .body("presentFields", contains("name", "phone", "address", "buyerNick"))
                .body("version", equalTo(0));

        Map<String, Object> replacement = new HashMap<>(Map.of("phone", "0571-8888 6666", "version", 0));
        put("tb-new-1", null, replacement)
                .statusCode(200)
                .body("phone", equalTo("0571-****6666"))
                .body("name", nullValue())
                .body("presentFields", contains("phone"))
                .body("version", equalTo(1));

        given().get("/api/v1/customers/{c}", "tb-new-1")
                .then()
                .statusCode(200)
                .body("presentFields", contains("phone"))
                .body("address", nullValue())
                .body("version", equalTo(1));
        assertThat(CustomerSeed.ciphertext(OWN, "tb-new-1", CustomerField.NAME)).isNull();
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void aReplaceOfAnOlderVersionConflicts() {
        put("tb-versioned-1", null, Map.of("name", "赵六")).statusCode(201);
        put("tb-versioned-1", null, Map.of("name", "赵六六", "version", 0)).statusCode(200);

        put("tb-versioned-1", null, Map.of("name", "赵老六", "version", 0))
                .statusCode(409)
                .body("type", equalTo("urn:bpo:problem:conflict"));
        put("tb-never-stored", null, Map.of("name", "钱七", "version", 3)).statusCode(409);
        given().get("/api/v1/customers/{c}", "tb-versioned-1").then().body("name", equalTo("赵**"));
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void aProfileIsReadMasked() {
        given().get("/api/v1/customers/{c}", CHATTED)
                .then()
                .statusCode(200)
                .body("brandId", equalTo(OWN))
                .body("customerId", equalTo(CHATTED))
                .body("name", equalTo("张*"))
                .body("phone", equalTo("138****5678"))
                .body("address", equalTo("浙江省杭州市西湖区****"))
                .body("buyerNick", equalTo("t**9"))
                .body("presentFields", contains("name", "phone", "address", "buyerNick"))
                .body("updatedAt", startsWith("20"))
                .body("version", equalTo(0))
                .body(not(containsString("13812345678")));
        given().get("/api/v1/customers/{c}?brandId={b}", CALLED, OWN)
                .then()
                .statusCode(200)
                .body("phone", equalTo("021-****5678"))
                .body("presentFields", contains("phone"));
    }

    @Test
    @TestSecurity(user = "integration-cu", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void theStoredValueIsCiphertextBoundToItsBrandAndField() {
        put("tb-cipher-1", OWN, Map.of("phone", "13987654321", "name", "孙八")).statusCode(201);

        byte[] phone = CustomerSeed.ciphertext(OWN, "tb-cipher-1", CustomerField.PHONE);
        assertThat(new String(phone, StandardCharsets.ISO_8859_1)).doesNotContain("13987654321");
        assertThat(cipher.decrypt(OWN, "phone", phone)).isEqualTo("13987654321");
        assertThatThrownBy(() -> cipher.decrypt(OTHER, "phone", phone)).isInstanceOf(PiiDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt(OWN, "name", phone)).isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void badProfileInputNamesTheFieldWithoutEchoingIt() {
        put("tb-bad-1", null, Map.of())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "phone", "address", "buyerNick"));
        put("tb-bad-1", null, Map.of("phone", "424242"))
                .statusCode(400)
                .body("errors.field", contains("phone"))
                .body("errors[0].rejectedValue", nullValue())
                .body(not(containsString("424242")));
        put("tb-bad-1", null, Map.of("name", "   ", "address", "北京市\n朝阳区"))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "address"));
        put("tb-bad-1", null, Map.of("buyerNick", "n".repeat(65)))
                .statusCode(400)
                .body("errors.field", contains("buyerNick"));
        put("tb-bad-1", null, Map.of("name", "周九", "version", -1))
                .statusCode(400)
                .body("errors.field", hasItem("version"));
        put("tb-bad-1", "Not A Brand", Map.of("name", "周九")).statusCode(400).body("errors.field", hasItem("brandId"));
        put("tb bad", null, Map.of("name", "周九")).statusCode(400).body("errors.field", hasItem("customerId"));
        given().get("/api/v1/customers/{c}", "tb-bad-1").then().statusCode(404);
    }

    @Test
    void customerRequestsWithoutTokenAreUnauthorized() {
        given().get("/api/v1/customers/{c}", CHATTED).then().statusCode(401);
        put(CHATTED, OWN, Map.of("name", "匿名")).statusCode(401);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void vendorStaffMayNotStoreProfiles() {
        put(CHATTED, OWN, Map.of("name", "篡改")).statusCode(403);
        given().get("/api/v1/customers/{c}?brandId={b}", CHATTED, OWN)
                .then()
                .statusCode(200)
                .body("name", equalTo("张*"));
    }

    @Test
    @TestSecurity(user = "hao", roles = Roles.BRAND_ANALYST)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void brandAnalystMayNotStoreProfiles() {
        put("tb-analyst-1", null, Map.of("name", "分析")).statusCode(403);
    }

    @Test
    @TestSecurity(user = "reviewer", roles = Roles.QA_REVIEWER)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void qaReviewersMayNotReadProfiles() {
        given().get("/api/v1/customers/{c}", CHATTED).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OWN))
    void anotherBrandsCustomerIsNotFound() {
        given().get("/api/v1/customers/{c}?brandId={b}", ABROAD, OTHER)
                .then()
                .statusCode(404)
                .body(emptyOrNullString());
        given().get("/api/v1/customers/{c}", ABROAD).then().statusCode(404);
        put(ABROAD, OTHER, Map.of("name", "冒名")).statusCode(404);

        assertThat(cipher.decrypt(OTHER, "name", CustomerSeed.ciphertext(OTHER, ABROAD, CustomerField.NAME)))
                .isEqualTo("王五");
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void platformAdminNamesTheBrand() {
        given().get("/api/v1/customers/{c}", CHATTED).then().statusCode(400).body("errors.field", contains("brandId"));
        put("tb-admin-1", null, Map.of("name", "管理")).statusCode(400).body("errors.field", contains("brandId"));

        given().get("/api/v1/customers/{c}?brandId={b}", ABROAD, OTHER)
                .then()
                .statusCode(200)
                .body("name", equalTo("王*"));
        put("tb-admin-1", "brand-cu-unknown", Map.of("name", "管理")).statusCode(404);
    }

    @Test
    @TestSecurity(user = "qiang", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR))
    void vendorSeesOnlyCustomersItHadAConversationOrCallWith() {
        given().get("/api/v1/customers/{c}?brandId={b}", CHATTED, OWN).then().statusCode(200);
        given().get("/api/v1/customers/{c}?brandId={b}", CALLED, OWN)
                .then()
                .statusCode(200)
                .body("phone", equalTo("021-****5678"));
        given().get("/api/v1/customers/{c}?brandId={b}", ELSEWHERE, OWN).then().statusCode(404);
        given().get("/api/v1/customers/{c}?brandId={b}", ABROAD, OTHER).then().statusCode(404);
        // The vendor serves one brand only, so it may leave the brand out.
        given().get("/api/v1/customers/{c}", CHATTED).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "xiuying", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR), @Claim(key = "agent_id", value = AGENT)})
    void agentSeesOnlyCustomersOfConversationsTheyTookPartIn() {
        given().get("/api/v1/customers/{c}?brandId={b}", CHATTED, OWN)
                .then()
                .statusCode(200)
                .body("phone", equalTo("138****5678"));
        given().get("/api/v1/customers/{c}?brandId={b}", CALLED, OWN).then().statusCode(404);
        given().get("/api/v1/customers/{c}?brandId={b}", ELSEWHERE, OWN).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "xiaoming", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR), @Claim(key = "agent_id", value = "agent-cu-2")})
    void agentWhoTookNoPartSeesNothing() {
        given().get("/api/v1/customers/{c}?brandId={b}", CHATTED, OWN).then().statusCode(404);
    }

    static Map<String, Object> profile(String name, String phone, String address, String buyerNick) {
        return Map.of("name", name, "phone", phone, "address", address, "buyerNick", buyerNick);
    }

    private static ValidatableResponse put(String customerId, String brandId, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (brandId != null) {
            request = request.queryParam("brandId", brandId);
        }
        return request.put("/api/v1/customers/{c}", customerId).then();
    }
}

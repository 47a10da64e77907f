package com.bpo.analytics.commerce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.bpo.analytics.testing.OrgFixture;
import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventIds;
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
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order and rating ingestion end to end: the answer, and what lands on {@code commerce.events}. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class CommerceIngestionTest {

    static final String BRAND = "brand-commerce-zongzi";
    static final String SHOP = "shop-commerce-zongzi-tmall";
    static final String OTHER_BRAND = "brand-commerce-mooncake";
    static final String OTHER_SHOP = "shop-commerce-mooncake-jd";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ORDERS = "/api/v1/commerce/orders";
    private static final String RATINGS = "/api/v1/commerce/ratings";

    @Inject
    OrgFixture org;

    private KafkaTestClient kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void organisation() {
        org.publish(List.of(
                        OrgFixture.brand(BRAND, ZoneId.of("Asia/Shanghai")),
                        OrgFixture.shop(SHOP, BRAND),
                        OrgFixture.brand(OTHER_BRAND, ZoneId.of("Asia/Shanghai")),
                        OrgFixture.shop(OTHER_SHOP, OTHER_BRAND)))
                .awaitStored();
        kafka = new KafkaTestClient(InfraTestResource.kafka().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void ordersArePublishedAsOrderChangedWithIdsFromOrderAndStatus() {
        String orderId = "order-" + run;
        Map<String, Object> placed = order(orderId, "PLACED", "2026-06-18T09:30:00+08:00", null, "268.5");
        Map<String, Object> paid =
                order(orderId, "PAID", "2026-06-18T09:35:10+08:00", "2026-06-18T09:30:00+08:00", "268.50");
        Map<String, Object> refunded =
                order(orderId, "REFUNDED", "2026-06-20T12:00:00Z", "2026-06-18T01:30:00Z", "100");

        post(ORDERS, List.of(placed, paid, refunded))
                .statusCode(200)
                .body("accepted", equalTo(3))
                .body("duplicates", equalTo(0))
                .body("rejected", equalTo(0))
                .body("rejections", hasSize(0));

        Map<String, ConsumerRecord<String, String>> byStatus = published(orderId, 3).stream()
                .collect(Collectors.toMap(r -> JsonPath.from(r.value()).getString("status"), r -> r));
        for (String status : List.of("PLACED", "PAID", "REFUNDED")) {
            ConsumerRecord<String, String> record = byStatus.get(status);
            assertThat(EventSchemas.validate(EventTypes.ORDER_CHANGED, bytes(record)))
                    .isEmpty();
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ORDER_CHANGED);
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.ID))
                    .isEqualTo(EventIds.forFact(EventTypes.ORDER_CHANGED, BRAND, orderId + "/" + status));
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.BRAND_ID))
                    .isEqualTo(BRAND);
            assertThat(record.key()).isEqualTo(orderId);
        }
        JsonPath placedEvent = JsonPath.from(byStatus.get("PLACED").value());
        assertThat(placedEvent.getString("placedAt")).isEqualTo("2026-06-18T01:30:00Z");
        assertThat(placedEvent.getString("at")).isEqualTo("2026-06-18T01:30:00Z");
        assertThat(placedEvent.getString("amount")).isEqualTo("268.50");
        assertThat(placedEvent.getString("currency")).isEqualTo("CNY");
        assertThat(placedEvent.getString("brandId")).isEqualTo(BRAND);
        assertThat(placedEvent.getString("shopId")).isEqualTo(SHOP);
        assertThat(KafkaTestClient.header(byStatus.get("PLACED"), CloudEventHeaders.TIME))
                .isEqualTo("2026-06-18T01:30:00Z");
        JsonPath paidEvent = JsonPath.from(byStatus.get("PAID").value());
        assertThat(paidEvent.getString("placedAt")).isEqualTo("2026-06-18T01:30:00Z");
        assertThat(paidEvent.getString("at")).isEqualTo("2026-06-18T01:35:10Z");
        assertThat(JsonPath.from(byStatus.get("REFUNDED").value()).getString("amount"))
                .isEqualTo("100.00");
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void amountsStayExactWhetherSentAsNumberOrString() {
        String asNumber = "order-number-" + run;
        String asString = "order-string-" + run;
        // Sixteen significant digits: a double would turn this into 99999999999999.98.
        String body = "[" + orderJson(asNumber, "99999999999999.99") + "," + orderJson(asString, "\"0.10\"") + "]";

        given().contentType(ContentType.JSON)
                .body(body)
                .post(ORDERS)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(2));

        assertThat(JsonPath.from(published(asNumber, 1).get(0).value()).getString("amount"))
                .isEqualTo("99999999999999.99");
        assertThat(JsonPath.from(published(asString, 1).get(0).value()).getString("amount"))
                .isEqualTo("0.10");
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void sameBatchSentTwicePublishesTheSameIds() {
        String orderId = "order-" + run;
        List<Map<String, Object>> batch = List.of(
                order(orderId, "PLACED", "2026-06-18T09:30:00+08:00", null, "10.00"),
                order(orderId, "PAID", "2026-06-18T09:31:00+08:00", "2026-06-18T09:30:00+08:00", "10.00"));

        post(ORDERS, batch).statusCode(200).body("accepted", equalTo(2));
        post(ORDERS, batch).statusCode(200).body("accepted", equalTo(2));

        Map<String, Long> copiesById = published(orderId, 4).stream()
                .collect(Collectors.groupingBy(
                        record -> KafkaTestClient.header(record, CloudEventHeaders.ID), Collectors.counting()));
        assertThat(copiesById)
                .containsOnly(
                        Map.entry(EventIds.forFact(EventTypes.ORDER_CHANGED, BRAND, orderId + "/PLACED"), 2L),
                        Map.entry(EventIds.forFact(EventTypes.ORDER_CHANGED, BRAND, orderId + "/PAID"), 2L));
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void recordRepeatedWithinABatchIsPublishedOnceAndCountedAsDuplicate() {
        String orderId = "order-" + run;
        Map<String, Object> placed = order(orderId, "PLACED", "2026-06-18T09:30:00+08:00", null, "10.00");

        post(ORDERS, List.of(placed, placed))
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(0));

        assertThat(publishedNow(orderId)).hasSize(1);
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void shopOfAnotherBrandOrUnknownShopIsRejectedAndNeverPublished() {
        String good = "order-good-" + run;
        Map<String, Object> otherBrandsShop =
                order("order-other-" + run, "PLACED", "2026-06-18T09:30:00+08:00", null, "1");
        otherBrandsShop.put("shopId", OTHER_SHOP);
        Map<String, Object> unknownShop =
                order("order-unknown-" + run, "PLACED", "2026-06-18T09:30:00+08:00", null, "1");
        unknownShop.put("shopId", "shop-nobody-knows-" + run);

        post(
                        ORDERS,
                        List.of(
                                otherBrandsShop,
                                order(good, "PLACED", "2026-06-18T09:30:00+08:00", null, "1"),
                                unknownShop))
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(2))
                .body("rejections.index", equalTo(List.of(0, 2)))
                .body("rejections[0].errors[0].field", equalTo("shopId"))
                .body("rejections[0].errors[0].message", equalTo("is not a shop of brand " + BRAND))
                .body("rejections[0].errors[0].rejectedValue", equalTo(OTHER_SHOP))
                .body("rejections[1].errors[0].field", equalTo("shopId"));

        // The answer comes after every accepted record is acknowledged: what is not on the topic now never will be.
        assertThat(publishedNow(good)).hasSize(1);
        assertThat(publishedNow("order-other-" + run)).isEmpty();
        assertThat(publishedNow("order-unknown-" + run)).isEmpty();
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void badOrderFieldsAreRejectedNamingTheField() {
        List<Object> batch = new ArrayList<>();
        batch.add(with(validOrder("a"), "amount", "12.345")); // 0
        batch.add(with(validOrder("b"), "amount", -1)); // 1
        batch.add(with(validOrder("c"), "currency", "USD")); // 2
        batch.add(with(validOrder("d"), "status", "SHIPPED")); // 3
        batch.add(with(validOrder("e"), "at", "2026-06-18T09:30:00")); // 4: no offset
        batch.add(with(with(validOrder("f"), "status", "PAID"), "placedAt", null)); // 5
        batch.add(with(validOrder("g"), "placedAt", "2026-06-19T09:30:00+08:00")); // 6: after at
        batch.add(with(validOrder("h"), "orderId", null)); // 7
        batch.add(with(validOrder("i"), "amount", true)); // 8
        batch.add(with(validOrder("j"), "amount", "1e20")); // 9
        batch.add(with(validOrder("k"), "amount", "12.300")); // 10: two decimal places, written with three
        batch.add(validOrder("l")); // 11

        JsonPath answer = post(ORDERS, batch)
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(10))
                .extract()
                .jsonPath();

        assertThat(rejectedFields(answer))
                .containsExactly(
                        Map.entry(0, "amount"),
                        Map.entry(1, "amount"),
                        Map.entry(2, "currency"),
                        Map.entry(3, "status"),
                        Map.entry(4, "at"),
                        Map.entry(5, "placedAt"),
                        Map.entry(6, "placedAt"),
                        Map.entry(7, "orderId"),
                        Map.entry(8, "amount"),
                        Map.entry(9, "amount"));
        assertThat(answer.getString("rejections[0].errors[0].message")).isEqualTo("must have at most 2 decimal places");
        assertThat(answer.getString("rejections[2].errors[0].message")).startsWith("must be CNY");
        assertThat(answer.getString("rejections[2].errors[0].rejectedValue")).isEqualTo("USD");
        assertThat(answer.getString("rejections[5].errors[0].message")).isEqualTo("required for status PAID");
        assertThat(JsonPath.from(published("order-k-" + run, 1).get(0).value()).getString("amount"))
                .isEqualTo("12.30");
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void statusesOfOneOrderThatDisagreeWithinABatchAreRejected() {
        String orderId = "order-" + run;
        Map<String, Object> placed = order(orderId, "PLACED", "2026-06-18T09:30:00+08:00", null, "10");
        Map<String, Object> paid =
                order(orderId, "PAID", "2026-06-18T09:40:00+08:00", "2026-06-18T09:31:00+08:00", "10");

        post(ORDERS, List.of(placed, paid))
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejections[0].index", equalTo(1))
                .body("rejections[0].errors[0].field", equalTo("placedAt"));
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void ratingsArePublishedAsRatingReceivedFromNdjson() {
        String linked = "rating-linked-" + run;
        String unlinked = "rating-unlinked-" + run;
        String ndjson = ratingJson(linked, "\"conversationId\":\"conv-" + run + "\",") + "\n{not json}\n\n"
                + ratingJson(unlinked, "") + "\n";

        given().contentType("application/x-ndjson; charset=utf-8")
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post(RATINGS)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("rejections[0].index", equalTo(1))
                .body("rejections[0].errors[0].field", equalTo(""));

        ConsumerRecord<String, String> record = published(linked, 1).get(0);
        assertThat(EventSchemas.validate(EventTypes.RATING_RECEIVED, bytes(record)))
                .isEmpty();
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.ID))
                .isEqualTo(EventIds.forFact(EventTypes.RATING_RECEIVED, BRAND, linked));
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TIME)).isEqualTo("2026-06-21T02:00:00Z");
        JsonPath rating = JsonPath.from(record.value());
        assertThat(rating.getString("conversationId")).isEqualTo("conv-" + run);
        assertThat(rating.getString("ratedAt")).isEqualTo("2026-06-21T02:00:00Z");
        assertThat(rating.getInt("itemScore")).isEqualTo(5);
        assertThat(rating.getInt("serviceScore")).isEqualTo(4);
        assertThat(rating.getInt("logisticsScore")).isEqualTo(3);
        ConsumerRecord<String, String> withoutConversation =
                published(unlinked, 1).get(0);
        assertThat(EventSchemas.validate(EventTypes.RATING_RECEIVED, bytes(withoutConversation)))
                .isEmpty();
        assertThat(JsonPath.from(withoutConversation.value()).getString("conversationId"))
                .isNull();
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void badRatingFieldsAreRejectedNamingTheField() {
        String body = "["
                + String.join(
                        ",",
                        ratingJson("r0-" + run, "").replace("\"itemScore\":5", "\"itemScore\":6"),
                        ratingJson("r1-" + run, "").replace("\"itemScore\":5", "\"itemScore\":4.5"),
                        ratingJson("r2-" + run, "").replace("\"serviceScore\":4", "\"serviceScore\":\"4\""),
                        ratingJson("r3-" + run, "").replace("\"logisticsScore\":3", "\"logisticsScore\":0"),
                        ratingJson("r4-" + run, "").replace("\"ratedAt\":\"2026-06-21T10:00:00+08:00\",", ""),
                        ratingJson("r5-" + run, "").replace("\"orderId\":\"order-r5-" + run + "\",", ""),
                        ratingJson("r6-" + run, "").replace(SHOP, OTHER_SHOP),
                        ratingJson("r7-" + run, ""))
                + "]";

        JsonPath answer = given().contentType(ContentType.JSON)
                .body(body)
                .post(RATINGS)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(7))
                .extract()
                .jsonPath();

        assertThat(rejectedFields(answer))
                .containsExactly(
                        Map.entry(0, "itemScore"),
                        Map.entry(1, "itemScore"),
                        Map.entry(2, "serviceScore"),
                        Map.entry(3, "logisticsScore"),
                        Map.entry(4, "ratedAt"),
                        Map.entry(5, "orderId"),
                        Map.entry(6, "shopId"));
        assertThat(answer.getString("rejections[1].errors[0].message")).isEqualTo("must be an integer");
    }

    @Test
    void missingTokenIsUnauthorized() {
        post(ORDERS, List.of(validOrder("a"))).statusCode(401);
        post(RATINGS, List.of()).statusCode(401);
    }

    @Test
    @TestSecurity(user = "vendor-admin", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = "vendor-commerce"))
    void vendorRolesAreForbidden() {
        post(ORDERS, List.of(validOrder("a"))).statusCode(403);
        post(RATINGS, List.of(ratingJson("r-" + run, ""))).statusCode(403);
    }

    @Test
    @TestSecurity(user = "agent-1", roles = Roles.AGENT)
    @OidcSecurity(
            claims = {@Claim(key = "vendor_id", value = "vendor-commerce"), @Claim(key = "agent_id", value = "agent-1")
            })
    void agentsAreForbidden() {
        post(ORDERS, List.of(validOrder("a"))).statusCode(403);
    }

    @Test
    @TestSecurity(user = "zongzi-admin", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void anotherBrandNamedByTheCallerIsNotFound() {
        given().contentType(ContentType.JSON)
                .queryParam("brandId", OTHER_BRAND)
                .body(List.of(validOrder("a")))
                .post(ORDERS)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(publishedNow("order-a-" + run)).isEmpty();
    }

    @Test
    @TestSecurity(user = "platform-admin", roles = Roles.PLATFORM_ADMIN)
    void platformAdminNamesTheBrand() {
        post(ORDERS, List.of(validOrder("a"))).statusCode(400).body("errors[0].field", equalTo("brandId"));

        given().contentType(ContentType.JSON)
                .queryParam("brandId", OTHER_BRAND)
                .body(List.of(with(validOrder("b"), "shopId", OTHER_SHOP)))
                .post(ORDERS)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        assertThat(KafkaTestClient.header(published("order-b-" + run, 1).get(0), CloudEventHeaders.BRAND_ID))
                .isEqualTo(OTHER_BRAND);
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void batchOverTenThousandRecordsIsRefusedWhole() {
        String body = "[" + String.join(",", Collections.nCopies(10_001, "{}")) + "]";

        given().contentType(ContentType.JSON)
                .body(body)
                .post(ORDERS)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bpo:problem:batch-too-large"));
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void bodyThatIsNotAJsonArrayIsMalformed() {
        given().contentType(ContentType.JSON)
                .body("{\"orderId\":\"x\"}")
                .post(ORDERS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bpo:problem:malformed-request"));
        given().contentType(ContentType.TEXT)
                .body("orderId=x")
                .post(ORDERS)
                .then()
                .statusCode(415);
    }

    // ---- Records

    private Map<String, Object> order(String orderId, String status, String at, String placedAt, Object amount) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", orderId);
        order.put("shopId", SHOP);
        order.put("customerId", "tb-buyer-" + run);
        order.put("status", status);
        order.put("at", at);
        if (placedAt != null) {
            order.put("placedAt", placedAt);
        }
        order.put("amount", amount);
        order.put("currency", "CNY");
        return order;
    }

    private Map<String, Object> validOrder(String name) {
        return order("order-" + name + "-" + run, "PLACED", "2026-06-18T09:30:00+08:00", null, "12.30");
    }

    private static Map<String, Object> with(Map<String, Object> record, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(record);
        changed.put(field, value);
        return changed;
    }

    private String orderJson(String orderId, String amountJson) {
        return "{\"orderId\":\"" + orderId + "\",\"shopId\":\"" + SHOP + "\",\"customerId\":\"c-" + run
                + "\",\"status\":\"PLACED\",\"at\":\"2026-06-18T09:30:00+08:00\",\"amount\":" + amountJson
                + ",\"currency\":\"CNY\"}";
    }

    private String ratingJson(String ratingId, String extraFields) {
        String orderId = "order-" + ratingId;
        return "{\"ratingId\":\"" + ratingId + "\",\"shopId\":\"" + SHOP + "\",\"customerId\":\"c-" + run
                + "\",\"orderId\":\"" + orderId + "\"," + extraFields + "\"ratedAt\":\"2026-06-21T10:00:00+08:00\","
                + "\"itemScore\":5,\"serviceScore\":4,\"logisticsScore\":3}";
    }

    // ---- Answers and the topic

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static Map<Integer, String> rejectedFields(JsonPath answer) {
        Map<Integer, String> fields = new LinkedHashMap<>();
        List<Integer> indexes = answer.getList("rejections.index", Integer.class);
        for (int i = 0; i < indexes.size(); i++) {
            fields.put(indexes.get(i), answer.getString("rejections[" + i + "].errors[0].field"));
        }
        return fields;
    }

    /** The records of {@code key} on commerce.events, waiting until there are {@code count}. */
    private List<ConsumerRecord<String, String>> published(String key, int count) {
        return kafka
                .awaitRecords(
                        Topics.COMMERCE_EVENTS,
                        records -> records.stream()
                                        .filter(record -> key.equals(record.key()))
                                        .count()
                                >= count,
                        WAIT)
                .stream()
                .filter(record -> key.equals(record.key()))
                .toList();
    }

    /** The records of {@code key} on commerce.events now. */
    private List<ConsumerRecord<String, String>> publishedNow(String key) {
        return kafka.readAll(Topics.COMMERCE_EVENTS).stream()
                .filter(record -> key.equals(record.key()))
                .toList();
    }

    private static byte[] bytes(ConsumerRecord<String, String> record) {
        return record.value().getBytes(StandardCharsets.UTF_8);
    }
}

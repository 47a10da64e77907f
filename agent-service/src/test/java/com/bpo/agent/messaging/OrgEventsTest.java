package com.bpo.agent.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every change of an organisation aggregate reaches the compacted {@code org.events} through the outbox as the full
 * current state, a valid binary-mode CloudEvent keyed {@code <kind>:<id>}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class OrgEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private KafkaTestClient kafka;
    private String suffix;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(InfraTestResource.kafka().bootstrapServers());
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void everyCreatedAggregateIsPublishedWithItsState() {
        String brand = "brand-ev-" + suffix;
        String shop = "shop-ev-" + suffix;
        String vendor = "vendor-ev-" + suffix;
        String team = "team-ev-" + suffix;
        String agent = "agent-ev-" + suffix;
        String engagement = "engagement-ev-" + suffix;

        post("/api/v1/brands", Map.of("brandId", brand, "name", "Zongzi", "timeZone", "Asia/Shanghai"));
        post("/api/v1/brands/" + brand + "/shops", Map.of("shopId", shop, "platform", "DOUYIN", "name", "Douyin"));
        post("/api/v1/vendors", Map.of("vendorId", vendor, "name", "Starcall"));
        post("/api/v1/vendors/" + vendor + "/teams", Map.of("teamId", team, "name", "After-sales"));
        post(
                "/api/v1/vendors/" + vendor + "/agents",
                Map.of(
                        "agentId",
                        agent,
                        "teamId",
                        team,
                        "userId",
                        "user-" + suffix,
                        "displayName",
                        "Xiuying",
                        "skills",
                        List.of("refunds"),
                        "maxConcurrency",
                        4));
        post(
                "/api/v1/engagements",
                Map.of(
                        "engagementId",
                        engagement,
                        "brandId",
                        brand,
                        "vendorId",
                        vendor,
                        "shopIds",
                        List.of(shop),
                        "channels",
                        List.of("CHAT"),
                        "roles",
                        List.of("AFTER_SALES"),
                        "kpiVariants",
                        Map.of("conversionWindowDays", 2)));

        JsonPath brandState = awaitState("brand:" + brand, EventTypes.BRAND_CHANGED, brand, null);
        assertThat(brandState.getString("timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(awaitState("shop:" + shop, EventTypes.SHOP_CHANGED, brand, null)
                        .getString("platform"))
                .isEqualTo("DOUYIN");
        assertThat(awaitState("vendor:" + vendor, EventTypes.VENDOR_CHANGED, null, vendor)
                        .getString("name"))
                .isEqualTo("Starcall");
        assertThat(awaitState("team:" + team, EventTypes.TEAM_CHANGED, null, vendor)
                        .getString("vendorId"))
                .isEqualTo(vendor);
        JsonPath agentState = awaitState("agent:" + agent, EventTypes.AGENT_CHANGED, null, vendor);
        assertThat(agentState.getString("userId")).isEqualTo("user-" + suffix);
        assertThat(agentState.getInt("maxConcurrency")).isEqualTo(4);
        JsonPath engagementState = awaitState("engagement:" + engagement, EventTypes.ENGAGEMENT_CHANGED, brand, vendor);
        assertThat(engagementState.getList("shopIds", String.class)).containsExactly(shop);
        assertThat(engagementState.getInt("kpiVariants.conversionWindowDays")).isEqualTo(2);
        assertThat(engagementState.getInt("kpiVariants.responseThresholdSeconds"))
                .isEqualTo(30);
        assertThat(engagementState.getBoolean("active")).isTrue();
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void replaceAndDeactivationPublishTheNewState() {
        String brand = "brand-ev-" + suffix;
        String vendor = "vendor-ev-" + suffix;
        String engagement = "engagement-ev-" + suffix;
        post("/api/v1/brands", Map.of("brandId", brand, "name", "Teahouse"));
        post("/api/v1/vendors", Map.of("vendorId", vendor, "name", "Bluesea"));
        post(
                "/api/v1/engagements",
                Map.of(
                        "engagementId",
                        engagement,
                        "brandId",
                        brand,
                        "vendorId",
                        vendor,
                        "channels",
                        List.of("PHONE"),
                        "roles",
                        List.of("COMPLAINTS")));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Teahouse & Co", "timeZone", "Asia/Taipei"))
                .put("/api/v1/brands/{id}", brand)
                .then()
                .statusCode(200);
        given().post("/api/v1/engagements/{id}/deactivate", engagement).then().statusCode(200);

        awaitMatching(
                "brand:" + brand,
                state -> state.getString("name").equals("Teahouse & Co")
                        && state.getString("timeZone").equals("Asia/Taipei"));
        awaitMatching("engagement:" + engagement, state -> !state.getBoolean("active"));
    }

    private static void post(String path, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(201);
    }

    /** The first record of {@code key}, checked as a CloudEvent of {@code type} and against its schema. */
    private JsonPath awaitState(String key, String type, String brandId, String vendorId) {
        ConsumerRecord<String, String> record = kafka.awaitRecord(Topics.ORG_EVENTS, r -> key.equals(r.key()), WAIT);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo(type);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SPEC_VERSION))
                .isEqualTo("1.0");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/agent-service");
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(key);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.BRAND_ID)).isEqualTo(brandId);
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.VENDOR_ID)).isEqualTo(vendorId);
        assertThat(EventSchemas.validate(type, record.value().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        return JsonPath.from(record.value());
    }

    private void awaitMatching(String key, Predicate<JsonPath> state) {
        ConsumerRecord<String, String> record = kafka.awaitRecord(
                Topics.ORG_EVENTS, r -> key.equals(r.key()) && state.test(JsonPath.from(r.value())), WAIT);
        String type = KafkaTestClient.header(record, CloudEventHeaders.TYPE);
        assertThat(EventSchemas.validate(type, record.value().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}

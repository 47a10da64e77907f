package com.bpo.agent.call;

import static com.bpo.agent.chat.ChatIngestionTest.AGENT;
import static com.bpo.agent.chat.ChatIngestionTest.BRAND;
import static com.bpo.agent.chat.ChatIngestionTest.OTHER_BRAND;
import static com.bpo.agent.chat.ChatIngestionTest.SHOP;
import static com.bpo.agent.chat.ChatIngestionTest.VENDOR;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.bpo.agent.chat.ChatIngestionTest;
import com.bpo.agent.rest.Seed;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Call ingestion end to end: the answer, {@code call.events}, the call table and reading a call back. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class CallIngestionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private KafkaTestClient kafka;
    private final Instant offered = Instant.parse("2026-06-18T01:00:00Z");

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

    private Map<String, Object> answered(String callId) {
        Map<String, Object> call = new HashMap<>();
        call.put("callId", callId);
        call.put("shopId", SHOP);
        call.put("customerId", "customer-" + callId);
        call.put("direction", "INBOUND");
        call.put("offeredAt", offered.toString());
        call.put("answeredAt", offered.plusSeconds(14).plusMillis(700).toString());
        call.put("endedAt", offered.plusSeconds(314).toString());
        call.put("agentId", AGENT);
        call.put("holdSeconds", 20);
        call.put("wrapSeconds", 45);
        return call;
    }

    private Map<String, Object> abandoned(String callId) {
        Map<String, Object> call = answered(callId);
        call.remove("answeredAt");
        call.remove("agentId");
        call.remove("holdSeconds");
        call.remove("wrapSeconds");
        call.put("endedAt", offered.plusSeconds(9).toString());
        return call;
    }

    private static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/calls")
                .then();
    }

    private ConsumerRecord<String, String> published(String callId) {
        return kafka.awaitRecord(Topics.CALL_EVENTS, record -> callId.equals(record.key()), WAIT);
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void answeredAndAbandonedCallsArePublishedWithTheirFiguresAndStored() {
        String answeredId = id("call");
        String abandonedId = id("call");

        post(List.of(answered(answeredId), abandoned(abandonedId)))
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(0));

        ConsumerRecord<String, String> record = published(answeredId);
        assertThat(EventSchemas.validate(EventTypes.CALL_ENDED, record.value().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.ID))
                .isEqualTo(EventIds.forFact(EventTypes.CALL_ENDED, BRAND, answeredId));
        assertThat(KafkaTestClient.header(record, CloudEventHeaders.VENDOR_ID)).isEqualTo(VENDOR);
        JsonPath call = JsonPath.from(record.value());
        assertThat(call.getLong("waitSeconds")).isEqualTo(14);
        assertThat(call.getLong("talkSeconds")).isEqualTo(299);
        assertThat(call.getBoolean("abandoned")).isFalse();
        assertThat(call.getString("engagementId")).isEqualTo("engagement-ci");

        JsonPath lost = JsonPath.from(published(abandonedId).value());
        assertThat(lost.getBoolean("abandoned")).isTrue();
        assertThat(lost.getLong("waitSeconds")).isEqualTo(9);
        assertThat(lost.getLong("talkSeconds")).isZero();
        assertThat(lost.getString("agentId")).isNull();

        await().atMost(WAIT)
                .until(() -> Seed.rows(
                                        "select 1 from call where brand_id = ? and call_id in (?, ?)",
                                        BRAND,
                                        answeredId,
                                        abandonedId)
                                .size()
                        == 2);
        given().get("/api/v1/calls/{id}", answeredId)
                .then()
                .statusCode(200)
                .body("agentId", equalTo(AGENT))
                .body("holdSeconds", equalTo(20))
                .body("wrapSeconds", equalTo(45))
                .body("direction", equalTo("INBOUND"));
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void theSameCallTwiceIsOneCall() {
        String callId = id("twice");
        post(List.of(answered(callId))).statusCode(200).body("duplicates", equalTo(0));
        await().atMost(WAIT).until(() -> !Seed.rows("select 1 from call where call_id = ?", callId)
                .isEmpty());

        post(List.of(answered(callId), answered(callId)))
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(2));

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords(
                Topics.CALL_EVENTS,
                read -> read.stream().filter(r -> callId.equals(r.key())).count() >= 2,
                WAIT);
        assertThat(records.stream()
                        .filter(r -> callId.equals(r.key()))
                        .map(r -> KafkaTestClient.header(r, CloudEventHeaders.ID))
                        .distinct())
                .hasSize(1);
        assertThat(Seed.rows("select 1 from call where call_id = ?", callId)).hasSize(1);
    }

    @Test
    @TestSecurity(user = "zongzi-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void inconsistentCallsAreRejectedNamingTheField() {
        Map<String, Object> answeredBeforeOffered = answered(id("bad"));
        answeredBeforeOffered.put("answeredAt", offered.minusSeconds(1).toString());
        Map<String, Object> answeredWithoutAgent = answered(id("bad"));
        answeredWithoutAgent.remove("agentId");
        Map<String, Object> abandonedWithAgent = abandoned(id("bad"));
        abandonedWithAgent.put("agentId", AGENT);
        Map<String, Object> callbackOfInbound = answered(id("bad"));
        callbackOfInbound.put("callbackOf", "call-1");
        Map<String, Object> negativeHold = answered(id("bad"));
        negativeHold.put("holdSeconds", -1);
        Map<String, Object> unknownDirection = answered(id("bad"));
        unknownDirection.put("direction", "SIDEWAYS");

        post(List.of(
                        answeredBeforeOffered,
                        answeredWithoutAgent,
                        abandonedWithAgent,
                        callbackOfInbound,
                        negativeHold,
                        unknownDirection))
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body(
                        "rejections.errors.field.flatten()",
                        equalTo(List.of("answeredAt", "agentId", "agentId", "callbackOf", "holdSeconds", "direction")));
    }

    @Test
    @TestSecurity(user = "other-system", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = OTHER_BRAND))
    void anotherBrandsCallsAreNeitherTakenNorShown() {
        String callId = id("foreign");
        post(List.of(answered(callId))).statusCode(200).body("rejections[0].errors[0].field", equalTo("shopId"));
        Seed.execute(
                "insert into call (brand_id, call_id, vendor_id, direction, offered_at, ended_at, wait_seconds,"
                        + " talk_seconds, hold_seconds, wrap_seconds, abandoned) values (?, ?, ?, 'INBOUND', now(),"
                        + " now(), 0, 0, 0, 0, true)",
                BRAND,
                callId,
                VENDOR);

        given().get("/api/v1/calls/{id}", callId).then().statusCode(404);
        given().get("/api/v1/calls/{id}?brandId=" + BRAND, callId).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "agent", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR), @Claim(key = "agent_id", value = "agent-other")})
    void agentsSeeOnlyCallsTheyAnsweredAndCannotIngest() {
        String callId = id("agent");
        Seed.execute(
                "insert into call (brand_id, call_id, vendor_id, agent_id, direction, offered_at, ended_at,"
                        + " wait_seconds, talk_seconds, hold_seconds, wrap_seconds, abandoned) values (?, ?, ?, ?,"
                        + " 'INBOUND', now(), now(), 0, 0, 0, 0, false)",
                BRAND,
                callId,
                VENDOR,
                AGENT);

        given().get("/api/v1/calls/{id}?brandId=" + BRAND, callId).then().statusCode(404);
        post(List.of()).statusCode(403);
    }

    @Test
    @TestSecurity(user = "nobody-in-particular")
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND))
    void aTokenWithoutAPlatformRoleGets403() {
        given().get("/api/v1/calls/any").then().statusCode(403);
        post(List.of()).statusCode(403);
    }

    @Test
    void anonymousCallersGet401() {
        post(List.of()).statusCode(401);
        given().get("/api/v1/calls/any").then().statusCode(401);
    }
}

package com.bpo.kit.tenant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.contracts.CloudEventHeaders;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.Topics;
import com.bpo.testsupport.InfraTestResource;
import com.bpo.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engagement copy follows org.events, and with it the scope of vendor principals. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class EngagementCopyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String FOLLOWING_VENDOR = "vendor-scope-follows-engagements";

    @Inject
    EngagementDirectory directory;

    private final OrgEventsPublisher orgEvents = new OrgEventsPublisher();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String vendor = "copy-vendor-" + suffix;
    private final String brand = "copy-brand-" + suffix;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @AfterEach
    void closePublisher() {
        orgEvents.close();
    }

    @Test
    void activeEngagementMakesItsBrandServedByTheVendor() {
        orgEvents.publish(OrgEventsPublisher.engagement("eng-" + suffix, brand, vendor, true), t0);

        await().atMost(PATIENCE).until(() -> servedBy(vendor).contains(brand));
        assertThat(servedBy("another-" + vendor)).doesNotContain(brand);
    }

    @Test
    void deactivationRemovesTheBrandAtOnce() {
        String engagementId = "eng-" + suffix;
        orgEvents.publish(OrgEventsPublisher.engagement(engagementId, brand, vendor, true), t0);
        await().atMost(PATIENCE).until(() -> servedBy(vendor).contains(brand));

        orgEvents.publish(OrgEventsPublisher.engagement(engagementId, brand, vendor, false), t0.plusSeconds(60));

        await().atMost(PATIENCE).until(() -> !servedBy(vendor).contains(brand));
    }

    @Test
    void olderReplayedStateDoesNotResurrectADeactivatedEngagement() {
        String engagementId = "eng-" + suffix;
        orgEvents.publish(OrgEventsPublisher.engagement(engagementId, brand, vendor, true), t0);
        await().atMost(PATIENCE).until(() -> servedBy(vendor).contains(brand));
        orgEvents.publish(OrgEventsPublisher.engagement(engagementId, brand, vendor, false), t0.plusSeconds(60));
        await().atMost(PATIENCE).until(() -> !servedBy(vendor).contains(brand));

        orgEvents.publish(OrgEventsPublisher.engagement(engagementId, brand, vendor, true), t0);
        awaitProcessedUpToHere();

        assertThat(servedBy(vendor)).doesNotContain(brand);
    }

    @Test
    void onlyEngagementsWithinTheirValidityCount() {
        Instant now = Instant.now();
        String expired = brand + "-expired";
        String future = brand + "-future";
        String current = brand + "-current";
        orgEvents.publish(
                OrgEventsPublisher.engagement("eng-1-" + suffix, expired, vendor, true, null, now.minusSeconds(3600)),
                t0);
        orgEvents.publish(
                OrgEventsPublisher.engagement("eng-2-" + suffix, future, vendor, true, now.plusSeconds(3600), null),
                t0);
        orgEvents.publish(
                OrgEventsPublisher.engagement(
                        "eng-3-" + suffix, current, vendor, true, now.minusSeconds(3600), now.plusSeconds(3600)),
                t0);

        await().atMost(PATIENCE).until(() -> servedBy(vendor).contains(current));
        assertThat(servedBy(vendor)).containsExactly(current);
    }

    @Test
    void tombstoneEndsTheEngagement() {
        var engagement = OrgEventsPublisher.engagement("eng-" + suffix, brand, vendor, true);
        orgEvents.publish(engagement, t0);
        await().atMost(PATIENCE).until(() -> servedBy(vendor).contains(brand));

        orgEvents.tombstone(engagement.key());

        await().atMost(PATIENCE).until(() -> !servedBy(vendor).contains(brand));
    }

    @Test
    void invalidEngagementEventIsDeadLetteredAndTheCopyMovesOn() {
        byte[] withoutBrand = ("{\"engagementId\":\"eng-bad-" + suffix + "\",\"vendorId\":\"" + vendor
                        + "\",\"active\":true}")
                .getBytes(StandardCharsets.UTF_8);
        String badId = orgEvents.publish(
                EventTypes.ENGAGEMENT_CHANGED, "engagement:eng-bad-" + suffix, null, vendor, withoutBrand, t0);
        orgEvents.publish(OrgEventsPublisher.engagement("eng-" + suffix, brand, vendor, true), t0);

        await().atMost(PATIENCE).until(() -> servedBy(vendor).contains(brand));
        try (KafkaTestClient kafka =
                new KafkaTestClient(InfraTestResource.kafka().bootstrapServers())) {
            ConsumerRecord<String, String> deadLetter = kafka.awaitRecord(
                    Topics.deadLetterTopic(Topics.ORG_EVENTS),
                    record -> badId.equals(KafkaTestClient.header(record, CloudEventHeaders.ID)),
                    PATIENCE);
            assertThat(KafkaTestClient.header(deadLetter, "dead-letter-reason")).contains("brandId");
        }
    }

    @Test
    @TestSecurity(user = "vendor-admin-user", roles = Roles.VENDOR_ADMIN)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = FOLLOWING_VENDOR))
    void vendorPrincipalsScopeFollowsItsEngagements() {
        String engagementId = "eng-follow-" + suffix;
        assertThat(scopeBrands()).doesNotContain(brand);

        orgEvents.publish(OrgEventsPublisher.engagement(engagementId, brand, FOLLOWING_VENDOR, true), t0);
        await().atMost(PATIENCE).until(() -> scopeBrands().contains(brand));

        orgEvents.publish(
                OrgEventsPublisher.engagement(engagementId, brand, FOLLOWING_VENDOR, false), t0.plusSeconds(1));
        await().atMost(PATIENCE).until(() -> !scopeBrands().contains(brand));
    }

    private List<String> scopeBrands() {
        JsonPath whoAmI = given().get("/kit-test/tenant/whoami")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(whoAmI.getString("scope.vendorId")).isEqualTo(FOLLOWING_VENDOR);
        return whoAmI.getList("scope.brandIds", String.class);
    }

    /**
     * Waits until the copy has processed everything published before: a sentinel engagement published after it on
     * the same partition shows up once every earlier record was handled.
     */
    private void awaitProcessedUpToHere() {
        String sentinelVendor = "sentinel-vendor-" + UUID.randomUUID();
        String sentinelBrand = "sentinel-brand-" + suffix;
        orgEvents.publish(
                OrgEventsPublisher.engagement("sentinel-" + sentinelVendor, sentinelBrand, sentinelVendor, true),
                Instant.now());
        await().atMost(PATIENCE).until(() -> servedBy(sentinelVendor).contains(sentinelBrand));
    }

    private Set<String> servedBy(String vendorId) {
        return OnVertx.await(() -> directory.brandsServedBy(vendorId));
    }
}

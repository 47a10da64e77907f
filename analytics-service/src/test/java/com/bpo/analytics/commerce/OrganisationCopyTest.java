package com.bpo.analytics.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.analytics.testing.OrgFixture;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.kit.org.OrgCopy;
import com.bpo.kit.org.OrgKind;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What {@link OrgFixture} publishes reaches analytics-service's organisation copy, which ingestion and KPIs read. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class OrganisationCopyTest {

    @Inject
    OrgFixture org;

    @Inject
    OrgCopy orgCopy;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String brand = "brand-" + suffix;
    private final String vendor = "vendor-" + suffix;

    @Test
    void everyPublishedStateIsInTheCopyOnceAwaited() {
        EngagementChanged engagement = OrgFixture.engagement(
                "eng-" + suffix, brand, vendor, List.of("shop-" + suffix), new KpiVariants(20, 3, null, null, null));
        org.publish(List.of(
                        OrgFixture.brand(brand, ZoneId.of("Asia/Tokyo")),
                        OrgFixture.shop("shop-" + suffix, brand),
                        OrgFixture.vendor(vendor),
                        OrgFixture.team("team-" + suffix, vendor),
                        OrgFixture.agent("agent-" + suffix, vendor, "team-" + suffix),
                        engagement))
                .awaitStored();

        assertThat(onVertx(() -> orgCopy.timeZone(brand))).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(onVertx(() -> orgCopy.shopBelongsTo(brand, "shop-" + suffix)))
                .isTrue();
        assertThat(onVertx(() -> orgCopy.teamOf("agent-" + suffix))).contains("team-" + suffix);
        assertThat(onVertx(() -> orgCopy.find(EngagementChanged.class, engagement.engagementId())))
                .contains(engagement);
    }

    @Test
    void laterStateReplacesAndDeletionRemoves() {
        org.publish(OrgFixture.agent("agent-" + suffix, vendor, "team-a-" + suffix))
                .publish(OrgFixture.agent("agent-" + suffix, vendor, "team-b-" + suffix))
                .publish(OrgFixture.shop("shop-" + suffix, brand))
                .awaitStored();
        assertThat(onVertx(() -> orgCopy.teamOf("agent-" + suffix))).contains("team-b-" + suffix);

        org.delete(OrgKind.SHOP, "shop-" + suffix).awaitStored();

        assertThat(onVertx(() -> orgCopy.shopBelongsTo(brand, "shop-" + suffix)))
                .isFalse();
    }

    private static <T> T onVertx(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.bpo.analytics.kpi.comparison;

import static com.bpo.analytics.testing.Facts.agent;
import static com.bpo.analytics.testing.Facts.customer;
import static com.bpo.analytics.testing.Facts.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.analytics.reference.KpiReference;
import com.bpo.analytics.reference.ReferenceQuery;
import com.bpo.analytics.reference.ReferenceRow;
import com.bpo.analytics.testing.ConsumerCatchUp;
import com.bpo.analytics.testing.KpiApi;
import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.OrgFixture;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instants finer than a microsecond, which the contracts allow (up to 9 fraction digits) and PostgreSQL does not
 * keep: the engine must still count whole seconds from the milliseconds and put records on the day of their instant,
 * as the definitions and the reference computation do.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
class SubMillisecondTimesComparisonTest {

    static final String BRAND = "cmp-nanos";
    static final String VENDOR = "cmp-nanos-v";
    static final String SHOP = "cmp-nanos-s";

    @Inject
    FactPublisher publisher;

    @Inject
    EventProducer producer;

    @Test
    void responseSecondsAndDaysFollowTheInstantsToTheNanosecond() {
        List<EventPayload> organisation = List.of(
                OrgFixture.brand(BRAND, ZoneId.of("Asia/Shanghai")),
                OrgFixture.agent("cmp-nanos-a", VENDOR, "cmp-nanos-t"),
                OrgFixture.engagement("cmp-nanos-e", BRAND, VENDOR, List.of(SHOP), KpiVariants.DEFAULTS));
        List<EventPayload> facts = List.of(
                // answered 30.9999992 s after the inquiry: 30 whole seconds, within the 30 s threshold
                customer(BRAND, "cmp-nanos-c1", "cmp-nanos-m1", VENDOR, SHOP, "u1", "2026-06-01T02:00:00.000000400Z"),
                agent(
                        BRAND,
                        "cmp-nanos-c1",
                        "cmp-nanos-m2",
                        VENDOR,
                        SHOP,
                        "u1",
                        "cmp-nanos-a",
                        "2026-06-01T02:00:30.999999600Z"),
                // asked in the last nanoseconds of June 1 in Shanghai (15:59:59.9999996Z): a June 1 inquiry
                customer(BRAND, "cmp-nanos-c2", "cmp-nanos-m3", VENDOR, SHOP, "u2", "2026-06-01T15:59:59.999999600Z"));
        new OrgFixture(producer).publish(organisation).awaitStored();
        new KpiEvents(publisher).publish(facts);
        ConsumerCatchUp.awaitApplied(Duration.ofSeconds(30));
        List<EventPayload> deliveries = new ArrayList<>(organisation);
        deliveries.addAll(facts);

        ReferenceQuery query = ReferenceQuery.of(
                BRAND,
                LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-02"),
                List.of("day"),
                List.of("inquiries", "firstResponseSeconds", "averageResponseSeconds", "withinThresholdRate"));
        List<ReferenceRow> expected = new KpiReference(deliveries).compute(query, Instant.now());
        JsonPath report = KpiApi.report(params(
                "brandId",
                BRAND,
                "from",
                "2026-06-01",
                "to",
                "2026-06-02",
                "groupBy",
                "day",
                "kpis",
                String.join(",", query.kpis())));

        assertThat(expected).singleElement().satisfies(row -> {
            assertThat(row.kpi("inquiries").numerator()).isEqualByComparingTo("2");
            assertThat(row.kpi("firstResponseSeconds").numerator()).isEqualByComparingTo("30");
        });
        List<String> differences = ReportComparison.differences("chat by day", report, expected, true);
        assertThat(differences)
                .withFailMessage(ReportComparison.describe(differences))
                .isEmpty();
    }
}

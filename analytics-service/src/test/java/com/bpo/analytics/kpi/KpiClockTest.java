package com.bpo.analytics.kpi;

import static com.bpo.analytics.testing.Facts.agent;
import static com.bpo.analytics.testing.Facts.customer;
import static com.bpo.analytics.testing.Facts.group;
import static com.bpo.analytics.testing.Facts.params;
import static com.bpo.analytics.testing.KpiApi.awaitReport;
import static com.bpo.analytics.testing.KpiApi.kpi;
import static com.bpo.analytics.testing.KpiApi.report;
import static com.bpo.analytics.testing.KpiApi.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.analytics.kpi.query.Kpi;
import com.bpo.analytics.kpi.query.KpiQueries;
import com.bpo.analytics.kpi.query.KpiReport;
import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.SettableClock;
import com.bpo.contracts.EventPayload;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Finality and "today" follow the service's clock, here one the test sets. The brand has no organisation record, so
 * its zone is Asia/Shanghai (UTC+8): the inquiry at 2026-03-10T02:00Z is on local day 2026-03-10, whose chat KPIs are
 * final from the start of local day 2026-03-12, i.e. 2026-03-11T16:00Z.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestProfile(KpiClockTest.WithSettableClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
@OidcSecurity(claims = @Claim(key = "brand_id", value = KpiClockTest.BRAND))
class KpiClockTest {

    static final String BRAND = "kpi-clock";
    static final String DAY = "2026-03-10";
    static final Instant FINAL_FROM = Instant.parse("2026-03-11T16:00:00Z");

    /** Replaces the system clock with {@link SettableClock} for this class only. */
    public static class WithSettableClock implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SettableClock.class);
        }
    }

    @Inject
    SettableClock clock;

    @Inject
    FactPublisher publisher;

    @Inject
    KpiQueries queries;

    @BeforeAll
    void publishOneAnsweredInquiry() {
        new KpiEvents(publisher)
                .publish(List.<EventPayload>of(
                        customer(
                                BRAND,
                                "kpi-clock-c1",
                                "kpi-clock-m1",
                                "kpi-clock-v",
                                "s",
                                "u1",
                                "2026-03-10T02:00:00Z"),
                        agent(
                                BRAND,
                                "kpi-clock-c1",
                                "kpi-clock-m2",
                                "kpi-clock-v",
                                "s",
                                "u1",
                                "kpi-clock-a1",
                                "2026-03-10T02:00:20Z")));
    }

    @Test
    void aDaysKpisBecomeFinalAtTheStartOfTheSecondLocalDayAfterIt() {
        awaitBothMessagesStored();
        clock.set(FINAL_FROM.minusSeconds(1));
        JsonPath before = report(params("from", DAY, "to", DAY, "kpis", "inquiries,responseRate"));
        assertThat(kpi(row(before, group()), "inquiries").get("final")).isEqualTo(false);
        assertThat(kpi(row(before, group()), "responseRate").get("final")).isEqualTo(false);

        clock.set(FINAL_FROM);
        JsonPath after = report(params("from", DAY, "to", DAY, "kpis", "inquiries,responseRate"));
        assertThat(kpi(row(after, group()), "inquiries").get("final")).isEqualTo(true);
        assertThat(kpi(row(after, group()), "responseRate").get("final")).isEqualTo(true);
    }

    @Test
    void todayIsTheClocksDayInTheBrandsZone() {
        awaitBothMessagesStored();
        // 23:30 local on the inquiry's day: today holds it.
        clock.set(Instant.parse("2026-03-10T15:30:00Z"));
        assertThat(todaysInquiries()).isEqualByComparingTo("1");
        assertThat(today().from()).hasToString(DAY);

        // 00:30 local the next day, although it is still March 10 in UTC: a new day without records.
        clock.set(Instant.parse("2026-03-10T16:30:00Z"));
        assertThat(todaysInquiries()).isEqualByComparingTo("0");
        assertThat(today().from()).hasToString("2026-03-11");
    }

    private void awaitBothMessagesStored() {
        awaitReport(params("from", DAY, "to", DAY, "kpis", "responseRate"), report -> answered(report) == 1);
    }

    private KpiReport today() {
        return queries.today(BRAND, List.of(), List.of(Kpi.INQUIRIES)).await().atMost(Duration.ofSeconds(30));
    }

    private BigDecimal todaysInquiries() {
        return today().rows().stream()
                .map(row -> row.kpis().get(Kpi.INQUIRIES.key()).numerator())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long answered(JsonPath report) {
        return report.getList("rows").isEmpty() ? 0 : report.getLong("rows[0].kpis.responseRate.numerator");
    }
}

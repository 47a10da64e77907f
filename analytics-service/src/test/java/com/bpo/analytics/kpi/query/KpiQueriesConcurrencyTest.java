package com.bpo.analytics.kpi.query;

import static com.bpo.analytics.testing.Facts.agent;
import static com.bpo.analytics.testing.Facts.call;
import static com.bpo.analytics.testing.Facts.customer;
import static com.bpo.analytics.testing.Facts.order;
import static com.bpo.analytics.testing.Facts.rating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.analytics.testing.ConsumerCatchUp;
import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.OrgFixture;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.tenant.TenantConnections;
import com.bpo.kit.tenant.TenantScope;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A report's family statements run on separate connections, several at once: however many run at once, the report
 * is the same, and it still has every family's rows.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class KpiQueriesConcurrencyTest {

    static final String BRAND = "conc-brand";
    static final String VENDOR = "conc-vendor";
    static final String SHOP = "conc-shop";

    @Inject
    TenantConnections tenants;

    @Inject
    Clock clock;

    @Inject
    FactPublisher publisher;

    @Inject
    EventProducer producer;

    @Test
    void aReportIsTheSameWhetherItsStatementsRunOneAtATimeOrAllAtOnce() {
        new OrgFixture(producer)
                .publish(List.of(
                        OrgFixture.brand(BRAND, ZoneId.of("Asia/Shanghai")),
                        OrgFixture.agent("conc-agent", VENDOR, "conc-team"),
                        OrgFixture.engagement("conc-eng", BRAND, VENDOR, List.of(SHOP), KpiVariants.DEFAULTS)))
                .awaitStored();
        List<EventPayload> facts = List.of(
                customer(BRAND, "conc-c1", "conc-m1", VENDOR, SHOP, "u1", "2026-06-01T02:00:00Z"),
                agent(BRAND, "conc-c1", "conc-m2", VENDOR, SHOP, "u1", "conc-agent", "2026-06-01T02:00:20Z"),
                customer(BRAND, "conc-c2", "conc-m3", VENDOR, SHOP, "u2", "2026-06-02T03:00:00Z"),
                order(BRAND, "conc-o1", SHOP, "u1", OrderStatus.PLACED, "2026-06-01T05:00:00Z", "199.00"),
                order(BRAND, "conc-o1", SHOP, "u1", OrderStatus.PAID, "2026-06-01T05:00:00Z", "199.00"),
                rating(BRAND, "conc-r1", SHOP, "conc-c1", "2026-06-01T06:00:00Z", 5, 4, 5),
                call(
                        BRAND,
                        "conc-k1",
                        VENDOR,
                        SHOP,
                        "conc-agent",
                        CallDirection.INBOUND,
                        "2026-06-01T07:00:00Z",
                        12,
                        180,
                        0,
                        30,
                        false));
        new KpiEvents(publisher).publish(facts);
        ConsumerCatchUp.awaitApplied(Duration.ofSeconds(30));
        KpiQuery query = new KpiQuery(
                LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-02"),
                List.of(GroupKey.VENDOR, GroupKey.DAY),
                Arrays.asList(Kpi.values()));

        KpiReport oneAtATime = report(new KpiQueries(tenants, clock, 1), query);
        KpiReport allAtOnce = report(new KpiQueries(tenants, clock, Family.values().length), query);

        assertThat(allAtOnce).isEqualTo(oneAtATime);
        Set<String> counted = oneAtATime.rows().stream()
                .flatMap(row -> row.kpis().entrySet().stream())
                .filter(kpi -> kpi.getValue().numerator() != null
                        && kpi.getValue().numerator().signum() > 0)
                .map(kpi -> kpi.getKey())
                .collect(Collectors.toSet());
        // A KPI of each family that has facts: chat, conversion, ratings, calls.
        assertThat(counted).contains("inquiries", "inquiryConversion", "dsrService", "callsAnswered");
    }

    @Test
    void atLeastOneStatementMustRun() {
        assertThatThrownBy(() -> new KpiQueries(tenants, clock, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bpo.kpi.query.concurrent-statements");
    }

    private static KpiReport report(KpiQueries queries, KpiQuery query) {
        return queries.report(TenantScope.platform(), BRAND, query).await().atMost(Duration.ofSeconds(60));
    }
}

package com.bpo.analytics.kpi;

import static com.bpo.analytics.testing.Facts.agent;
import static com.bpo.analytics.testing.Facts.customer;
import static com.bpo.analytics.testing.Facts.group;
import static com.bpo.analytics.testing.Facts.hasRow;
import static com.bpo.analytics.testing.Facts.order;
import static com.bpo.analytics.testing.Facts.params;
import static com.bpo.analytics.testing.KpiApi.awaitReport;
import static com.bpo.analytics.testing.KpiApi.kpi;
import static com.bpo.analytics.testing.KpiApi.number;
import static com.bpo.analytics.testing.KpiApi.row;
import static com.bpo.analytics.testing.KpiApi.rows;
import static com.bpo.analytics.testing.KpiAssertions.assertCount;
import static com.bpo.analytics.testing.KpiAssertions.assertRate;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.OrgFixture;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.commerce.OrderStatus;
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
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conversion KPIs: cohorts of inquiring customers per shop and local day, the orders that qualify within the window,
 * the credited reply, silent sales. Zone Asia/Shanghai (UTC+8); window 1 day: an inquiry on June 1 converts with an
 * order placed before June 3 00:00 local (June 2 16:00Z).
 *
 * <pre>
 * u1: c1 C 06-01T02:00Z, A1 02:01Z; c2 C 05:00Z, A2 05:02Z; o1 placed 06-02T03:00Z: PLACED 100, PAID 100,
 *     REFUNDED 20 (net 80)                                   converted, paid, credited to A2
 * u2: c3 C 06-01T03:00Z, A1 03:00:30Z; o2 paid, placed 06-03T01:00Z (after the window)
 *                                                            not converted, credited to A1; o2 a silent sale of June 3
 * u3: o3 placed 06-01T04:00Z, never paid                     nothing
 * u4: c4 C 06-01T06:00Z, no reply; o4 placed 07:00Z, PAID arrives late
 *                                                            converted, no credited reply: agent null, vendor V1
 * u5: o5 PAID only, 60, placed 06-01T08:00Z                  a silent sale of June 1
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
class ConversionKpisTest {

    static final String BRAND = "kpi-conv";
    static final String VENDOR = "kpi-conv-v1";
    static final String SHOP = "kpi-conv-s1";
    static final String A1 = "kpi-conv-a1";
    static final String A2 = "kpi-conv-a2";
    static final String DAY = "2026-06-01";
    static final String VARIANT = "window=1d,attribution=LAST_REPLIER";

    @Inject
    FactPublisher publisher;

    @Inject
    EventProducer producer;

    @Test
    void conversionCreditsTheLastReplierAndALatePaymentCorrectsTheDay() {
        new OrgFixture(producer)
                .publish(List.of(
                        OrgFixture.brand(BRAND, ZoneId.of("Asia/Shanghai")),
                        OrgFixture.agent(A1, VENDOR, "kpi-conv-t1"),
                        OrgFixture.agent(A2, VENDOR, "kpi-conv-t2"),
                        OrgFixture.engagement(
                                "kpi-conv-e1",
                                BRAND,
                                VENDOR,
                                List.of(SHOP),
                                new KpiVariants(null, 1, null, null, null))))
                .awaitStored();
        KpiEvents events = new KpiEvents(publisher);
        // Orders first: facts arrive in any order across topics.
        events.publish(orders());
        events.publish(messages());

        Map<String, String> day = params("brandId", BRAND, "from", DAY, "to", DAY, "kpis", conversionKpis());
        JsonPath before = awaitReport(day, r -> members(r, group()) == 3);
        Map<String, Object> all = row(before, group());
        assertRate(all, "inquiryConversion", "0.6667", 2, 3);
        assertRate(all, "paidConversion", "0.3333", 1, 3);
        assertRate(all, "averageOrderValue", "80.0000", 80, 1);
        assertRate(all, "silentSales", "1.0000", 1, 1);
        assertCount(all, "silentSalesAmount", 60);
        assertThat(kpi(all, "inquiryConversion").get("variant")).isEqualTo(VARIANT);
        assertThat(kpi(all, "averageOrderValue").get("variant")).isEqualTo(VARIANT);
        assertThat(kpi(all, "silentSales")).doesNotContainKey("variant");
        assertThat(kpi(all, "paidConversion").get("final")).isEqualTo(true);

        // The payment of o4 arrives late (and twice): June 1 changes, nothing else.
        events.publish(order(BRAND, "kpi-conv-o4", SHOP, "u4", OrderStatus.PAID, "2026-06-01T07:00:00Z", "30.00"));
        events.publish(order(BRAND, "kpi-conv-o4", SHOP, "u4", OrderStatus.PAID, "2026-06-01T07:00:00Z", "30.00"));
        JsonPath after = awaitReport(
                day,
                r -> number(kpi(row(r, group()), "paidConversion"), "numerator").intValue() == 2);
        all = row(after, group());
        assertRate(all, "inquiryConversion", "0.6667", 2, 3);
        assertRate(all, "paidConversion", "0.6667", 2, 3);
        assertRate(all, "averageOrderValue", "55.0000", 110, 2);
        assertRate(all, "silentSales", "0.5000", 1, 2);
        assertCount(all, "silentSalesAmount", 60);

        JsonPath byAgent = awaitReport(
                params(
                        "brandId",
                        BRAND,
                        "from",
                        DAY,
                        "to",
                        DAY,
                        "groupBy",
                        "agent,team,vendor",
                        "kpis",
                        conversionKpis()),
                r -> hasRow(r, group("agent", A2, "team", "kpi-conv-t2", "vendor", VENDOR)));
        assertThat(rows(byAgent)).hasSize(4);
        Map<String, Object> a2 = row(byAgent, group("agent", A2, "team", "kpi-conv-t2", "vendor", VENDOR));
        assertRate(a2, "inquiryConversion", "1.0000", 1, 1);
        assertRate(a2, "averageOrderValue", "80.0000", 80, 1);
        assertRate(
                row(byAgent, group("agent", A1, "team", "kpi-conv-t1", "vendor", VENDOR)),
                "inquiryConversion",
                "0.0000",
                0,
                1);
        Map<String, Object> uncredited = row(byAgent, group("agent", null, "team", null, "vendor", VENDOR));
        assertRate(uncredited, "inquiryConversion", "1.0000", 1, 1);
        assertRate(uncredited, "silentSales", null, 0, 0);
        Map<String, Object> noVendor = row(byAgent, group("agent", null, "team", null, "vendor", null));
        assertRate(noVendor, "silentSales", "0.5000", 1, 2);
        assertRate(noVendor, "inquiryConversion", null, 0, 0);
        assertThat(kpi(noVendor, "inquiryConversion")).doesNotContainKey("variant");

        JsonPath byDay = awaitReport(
                params(
                        "brandId",
                        BRAND,
                        "from",
                        DAY,
                        "to",
                        "2026-06-03",
                        "groupBy",
                        "day",
                        "kpis",
                        "silentSales,silentSalesAmount"),
                r -> rows(r).size() == 3);
        assertRate(row(byDay, group("day", "2026-06-02")), "silentSales", "0.0000", 0, 1);
        assertRate(row(byDay, group("day", "2026-06-03")), "silentSales", "1.0000", 1, 1);
        assertThat(number(kpi(row(byDay, group("day", "2026-06-03")), "silentSalesAmount"), "numerator"))
                .isEqualByComparingTo(new BigDecimal("45.50"));
    }

    private static String conversionKpis() {
        return "inquiryConversion,paidConversion,averageOrderValue,silentSales,silentSalesAmount";
    }

    private static List<EventPayload> orders() {
        return List.of(
                order(BRAND, "kpi-conv-o1", SHOP, "u1", OrderStatus.REFUNDED, "2026-06-02T03:00:00Z", "20.00"),
                order(BRAND, "kpi-conv-o1", SHOP, "u1", OrderStatus.PAID, "2026-06-02T03:00:00Z", "100.00"),
                order(BRAND, "kpi-conv-o1", SHOP, "u1", OrderStatus.PLACED, "2026-06-02T03:00:00Z", "100.00"),
                order(BRAND, "kpi-conv-o2", SHOP, "u2", OrderStatus.PLACED, "2026-06-03T01:00:00Z", "45.50"),
                order(BRAND, "kpi-conv-o2", SHOP, "u2", OrderStatus.PAID, "2026-06-03T01:00:00Z", "45.50"),
                order(BRAND, "kpi-conv-o3", SHOP, "u3", OrderStatus.PLACED, "2026-06-01T04:00:00Z", "50.00"),
                order(BRAND, "kpi-conv-o4", SHOP, "u4", OrderStatus.PLACED, "2026-06-01T07:00:00Z", "30.00"),
                order(BRAND, "kpi-conv-o5", SHOP, "u5", OrderStatus.PAID, "2026-06-01T08:00:00Z", "60.00"));
    }

    private static List<EventPayload> messages() {
        return List.of(
                customer(BRAND, "kpi-conv-c1", "kpi-conv-m1", VENDOR, SHOP, "u1", "2026-06-01T02:00:00Z"),
                agent(BRAND, "kpi-conv-c1", "kpi-conv-m2", VENDOR, SHOP, "u1", A1, "2026-06-01T02:01:00Z"),
                customer(BRAND, "kpi-conv-c2", "kpi-conv-m3", VENDOR, SHOP, "u1", "2026-06-01T05:00:00Z"),
                agent(BRAND, "kpi-conv-c2", "kpi-conv-m4", VENDOR, SHOP, "u1", A2, "2026-06-01T05:02:00Z"),
                customer(BRAND, "kpi-conv-c3", "kpi-conv-m5", VENDOR, SHOP, "u2", "2026-06-01T03:00:00Z"),
                agent(BRAND, "kpi-conv-c3", "kpi-conv-m6", VENDOR, SHOP, "u2", A1, "2026-06-01T03:00:30Z"),
                customer(BRAND, "kpi-conv-c4", "kpi-conv-m7", VENDOR, SHOP, "u4", "2026-06-01T06:00:00Z"));
    }

    private static int members(JsonPath report, Map<String, String> group) {
        Map<String, Object> row = row(report, group);
        return row == null
                ? 0
                : number(kpi(row, "inquiryConversion"), "denominator").intValue();
    }
}

package com.bpo.analytics.kpi;

import static com.bpo.analytics.testing.Facts.agent;
import static com.bpo.analytics.testing.Facts.bot;
import static com.bpo.analytics.testing.Facts.customer;
import static com.bpo.analytics.testing.Facts.group;
import static com.bpo.analytics.testing.Facts.hasRow;
import static com.bpo.analytics.testing.Facts.params;
import static com.bpo.analytics.testing.KpiApi.awaitReport;
import static com.bpo.analytics.testing.KpiApi.kpi;
import static com.bpo.analytics.testing.KpiApi.number;
import static com.bpo.analytics.testing.KpiApi.row;
import static com.bpo.analytics.testing.KpiApi.rows;
import static com.bpo.analytics.testing.KpiAssertions.assertCount;
import static com.bpo.analytics.testing.KpiAssertions.assertRate;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.analytics.testing.KpiApi;
import com.bpo.analytics.testing.KpiEvents;
import com.bpo.analytics.testing.OrgFixture;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.tenant.Roles;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Chat KPIs from messages published on chat.events, read back through the API. The brand's zone is Asia/Shanghai
 * (UTC+8): 02:00Z is 10:00 local. Numbers worked out by hand:
 *
 * <pre>
 * c1 (u1): C 02:00:00, C 02:00:10, BOT 02:00:15, A1 02:00:40.5, C 02:05:00, A2 02:06:30, C 02:10:00
 *     inquiry 02:00, first reply A1 after 40 s; bursts 3, answered 40 s and 90 s
 * c2 (u2): BOT 03:00:00, C 03:00:05                     unanswered; 1 burst
 * c3 (u1): C 07:00:00, A1 07:00:20                     first reply 20 s; 1 burst of 20 s
 * c4:      A1 08:00:00                                  no customer message: in no KPI
 * c5 (u3): C 17:30:00 = 01:30 local on June 2
 * threshold 60 s (the engagement's variant)
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestSecurity(user = "mei", roles = Roles.BRAND_ADMIN)
@OidcSecurity(claims = @Claim(key = "brand_id", value = ChatKpisTest.BRAND))
class ChatKpisTest {

    static final String BRAND = "kpi-chat";
    static final String LATE_BRAND = "kpi-chat-late";
    static final String VENDOR = "kpi-chat-v1";
    static final String SHOP = "kpi-chat-s1";
    static final String A1 = "kpi-chat-a1";
    static final String A2 = "kpi-chat-a2";
    static final String DAY = "2026-06-01";

    @Inject
    FactPublisher publisher;

    @Inject
    EventProducer producer;

    @BeforeAll
    void publishTheConversations() {
        new OrgFixture(producer)
                .publish(List.of(
                        OrgFixture.brand(BRAND, ZoneId.of("Asia/Shanghai")),
                        OrgFixture.agent(A1, VENDOR, "kpi-chat-t1"),
                        OrgFixture.agent(A2, VENDOR, "kpi-chat-t2"),
                        OrgFixture.engagement(
                                "kpi-chat-e1",
                                BRAND,
                                VENDOR,
                                List.of(SHOP),
                                new KpiVariants(60, null, null, null, null)),
                        OrgFixture.engagement(
                                "kpi-chat-late-e1",
                                LATE_BRAND,
                                VENDOR,
                                List.of(SHOP),
                                new KpiVariants(60, null, null, null, null))))
                .awaitStored();
        new KpiEvents(publisher).publish(conversations(BRAND));
    }

    @Test
    void chatKpisOfADayAreWorkedOutFromTheMessages() {
        JsonPath report = awaitReport(params("from", DAY, "to", DAY), r -> inquiries(r, group()) == 3);

        assertThat(report.getString("timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(rows(report)).hasSize(1);
        Map<String, Object> all = row(report, group());
        assertCount(all, "inquiries", 3);
        assertCount(all, "inquiringCustomers", 2);
        assertRate(all, "responseRate", "0.6667", 2, 3);
        assertRate(all, "firstResponseSeconds", "30.0000", 60, 2);
        assertRate(all, "averageResponseSeconds", "50.0000", 150, 3);
        assertRate(all, "withinThresholdRate", "0.4000", 2, 5);
        assertCount(all, "slowBursts", 1);
        assertCount(all, "unansweredInquiries", 1);
        assertThat(kpi(all, "withinThresholdRate").get("variant")).isEqualTo("threshold=60s");
        assertThat(kpi(all, "slowBursts").get("variant")).isEqualTo("threshold=60s");
        assertThat(kpi(all, "responseRate")).doesNotContainKey("variant");
        assertThat(kpi(all, "inquiries").get("final")).isEqualTo(true);
        // Every KPI is listed when none is named.
        assertThat(KpiApi.kpiNames(all)).contains("inquiryConversion", "serviceLevel", "qaFailRate");
    }

    @Test
    void groupsByAgentTeamAndHourInTheBrandsZone() {
        JsonPath report = awaitReport(
                params("from", DAY, "to", DAY, "groupBy", "agent,team,hour", "kpis", "inquiries,responseRate"),
                r -> hasRow(r, group("agent", A1, "team", "kpi-chat-t1", "hour", "2026-06-01T15:00")));

        assertThat(rows(report)).hasSize(3);
        assertCount(row(report, group("agent", A1, "team", "kpi-chat-t1", "hour", "2026-06-01T10:00")), "inquiries", 1);
        assertCount(row(report, group("agent", A1, "team", "kpi-chat-t1", "hour", "2026-06-01T15:00")), "inquiries", 1);
        Map<String, Object> unanswered = row(report, group("agent", null, "team", null, "hour", "2026-06-01T11:00"));
        assertRate(unanswered, "responseRate", "0.0000", 0, 1);
        // Sorted by group values, nulls last.
        assertThat(rows(report).get(2).get("group"))
                .isEqualTo(group("agent", null, "team", null, "hour", "2026-06-01T11:00"));
    }

    @Test
    void aLocalDayStartsAtMidnightInTheBrandsZone() {
        JsonPath report = awaitReport(
                params(
                        "from",
                        DAY,
                        "to",
                        "2026-06-02",
                        "groupBy",
                        "day,vendor,engagement,shop,channel,brand",
                        "kpis",
                        "inquiries"),
                r -> rows(r).size() == 2);

        assertCount(
                row(
                        report,
                        group(
                                "day",
                                DAY,
                                "vendor",
                                VENDOR,
                                "engagement",
                                "kpi-chat-e1",
                                "shop",
                                SHOP,
                                "channel",
                                "CHAT",
                                "brand",
                                BRAND)),
                "inquiries",
                3);
        assertCount(
                row(
                        report,
                        group(
                                "day",
                                "2026-06-02",
                                "vendor",
                                VENDOR,
                                "engagement",
                                "kpi-chat-e1",
                                "shop",
                                SHOP,
                                "channel",
                                "CHAT",
                                "brand",
                                BRAND)),
                "inquiries",
                1);
        assertThat(report.getList("groupBy"))
                .containsExactly("day", "vendor", "engagement", "shop", "channel", "brand");
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void hoursAndDaysAreThoseOfTheBrandsOwnZone() {
        String brand = "kpi-chat-berlin";
        new OrgFixture(producer)
                .publish(OrgFixture.brand(brand, ZoneId.of("Europe/Berlin")))
                .awaitStored();
        // 20:00Z is 22:00 on June 1 in Berlin (UTC+2), but already June 2 in Shanghai.
        new KpiEvents(publisher)
                .publish(customer(
                        brand, "kpi-chat-berlin-c1", "kpi-chat-berlin-m1", VENDOR, SHOP, "u1", "2026-06-01T20:00:00Z"));

        JsonPath report = awaitReport(
                params("brandId", brand, "from", DAY, "to", DAY, "groupBy", "day,hour", "kpis", "inquiries"),
                r -> rows(r).size() == 1);

        assertThat(report.getString("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(rows(report).get(0).get("group")).isEqualTo(group("day", DAY, "hour", "2026-06-01T22:00"));
    }

    @Test
    void aValueOfTodayIsNotFinal() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Instant now = Instant.now();
        new KpiEvents(publisher)
                .publish(customer(BRAND, "kpi-chat-today", "kpi-chat-today-1", VENDOR, SHOP, "u9", now.toString()));

        JsonPath report = awaitReport(
                params("from", today, "to", today, "kpis", "inquiries,responseRate"), r -> inquiries(r, group()) >= 1);

        assertThat(kpi(row(report, group()), "inquiries").get("final")).isEqualTo(false);
        assertThat(kpi(row(report, group()), "responseRate").get("final")).isEqualTo(false);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void lateOutOfOrderAndRepeatedMessagesGiveTheSameNumbersAsInOrderDelivery() {
        List<MessageSent> messages = conversations(LATE_BRAND);
        MessageSent late = messages.stream()
                .filter(m -> m.messageId().endsWith("c1-6"))
                .findFirst()
                .orElseThrow();
        List<MessageSent> early = new ArrayList<>(messages);
        early.remove(late);
        Collections.reverse(early);
        KpiEvents events = new KpiEvents(publisher);
        events.publish(early);

        Map<String, String> query = params("brandId", LATE_BRAND, "from", DAY, "to", DAY);
        JsonPath before = awaitReport(query, r -> inquiries(r, group()) == 3);
        // Without its second reply, c1's second burst stays open: 40 s and 20 s answered of 5 bursts.
        Map<String, Object> partial = row(before, group());
        assertRate(partial, "averageResponseSeconds", "30.0000", 60, 2);

        events.publish(late);
        events.publish(messages);

        JsonPath after = awaitReport(
                query,
                r -> number(kpi(row(r, group()), "averageResponseSeconds"), "numerator")
                                .intValue()
                        == 150);
        Map<String, Object> all = row(after, group());
        assertCount(all, "inquiries", 3);
        assertRate(all, "averageResponseSeconds", "50.0000", 150, 3);
        assertRate(all, "withinThresholdRate", "0.4000", 2, 5);
        assertRate(all, "firstResponseSeconds", "30.0000", 60, 2);
        assertCount(all, "slowBursts", 1);
    }

    static List<MessageSent> conversations(String brand) {
        String p = brand + "-";
        return List.of(
                customer(brand, p + "c1", p + "c1-1", VENDOR, SHOP, "u1", "2026-06-01T02:00:00Z"),
                customer(brand, p + "c1", p + "c1-2", VENDOR, SHOP, "u1", "2026-06-01T02:00:10Z"),
                bot(brand, p + "c1", p + "c1-3", VENDOR, SHOP, "u1", "2026-06-01T02:00:15Z"),
                agent(brand, p + "c1", p + "c1-4", VENDOR, SHOP, "u1", A1, "2026-06-01T02:00:40.500Z"),
                customer(brand, p + "c1", p + "c1-5", VENDOR, SHOP, "u1", "2026-06-01T02:05:00Z"),
                agent(brand, p + "c1", p + "c1-6", VENDOR, SHOP, "u1", A2, "2026-06-01T02:06:30Z"),
                customer(brand, p + "c1", p + "c1-7", VENDOR, SHOP, "u1", "2026-06-01T02:10:00Z"),
                bot(brand, p + "c2", p + "c2-1", VENDOR, SHOP, "u2", "2026-06-01T03:00:00Z"),
                customer(brand, p + "c2", p + "c2-2", VENDOR, SHOP, "u2", "2026-06-01T03:00:05Z"),
                customer(brand, p + "c3", p + "c3-1", VENDOR, SHOP, "u1", "2026-06-01T07:00:00Z"),
                agent(brand, p + "c3", p + "c3-2", VENDOR, SHOP, "u1", A1, "2026-06-01T07:00:20Z"),
                agent(brand, p + "c4", p + "c4-1", VENDOR, SHOP, "u1", A1, "2026-06-01T08:00:00Z"),
                customer(brand, p + "c5", p + "c5-1", VENDOR, SHOP, "u3", "2026-06-01T17:30:00Z"));
    }

    private static int inquiries(JsonPath report, Map<String, String> group) {
        Map<String, Object> row = row(report, group);
        return row == null ? 0 : number(kpi(row, "inquiries"), "numerator").intValue();
    }
}

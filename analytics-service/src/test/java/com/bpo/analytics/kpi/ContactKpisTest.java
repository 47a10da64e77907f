package com.bpo.analytics.kpi;

import static com.bpo.analytics.testing.Facts.agent;
import static com.bpo.analytics.testing.Facts.call;
import static com.bpo.analytics.testing.Facts.callbackCompleted;
import static com.bpo.analytics.testing.Facts.callbackScheduled;
import static com.bpo.analytics.testing.Facts.closed;
import static com.bpo.analytics.testing.Facts.complaintFiled;
import static com.bpo.analytics.testing.Facts.complaintResolved;
import static com.bpo.analytics.testing.Facts.customer;
import static com.bpo.analytics.testing.Facts.evaluation;
import static com.bpo.analytics.testing.Facts.group;
import static com.bpo.analytics.testing.Facts.params;
import static com.bpo.analytics.testing.Facts.rating;
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
import com.bpo.contracts.call.CallDirection;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.qa.QaSubjectType;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ratings, calls, callbacks, complaints and QA of one brand on June 1 (zone Asia/Shanghai), numbers worked out in each
 * test. The engagement measures the service level at 15 s and leaves abandoned calls of up to 5 s out.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestSecurity(user = "li", roles = Roles.BRAND_ANALYST)
@OidcSecurity(claims = @Claim(key = "brand_id", value = ContactKpisTest.BRAND))
class ContactKpisTest {

    static final String BRAND = "kpi-contact";
    static final String VENDOR = "kpi-contact-v1";
    static final String SHOP = "kpi-contact-s1";
    static final String A1 = "kpi-contact-a1";
    static final String A2 = "kpi-contact-a2";
    static final String T1 = "kpi-contact-t1";
    static final String DAY = "2026-06-01";

    @Inject
    FactPublisher publisher;

    @Inject
    EventProducer producer;

    @BeforeAll
    void publishTheFacts() {
        new OrgFixture(producer)
                .publish(List.of(
                        OrgFixture.brand(BRAND, ZoneId.of("Asia/Shanghai")),
                        OrgFixture.agent(A1, VENDOR, T1),
                        OrgFixture.agent(A2, VENDOR, "kpi-contact-t2"),
                        OrgFixture.engagement(
                                "kpi-contact-e1",
                                BRAND,
                                VENDOR,
                                List.of(SHOP),
                                new KpiVariants(null, null, null, 15, 5))))
                .awaitStored();
        KpiEvents events = new KpiEvents(publisher);
        // c1 answered by A1 and closed, c2 unanswered and closed, c3 unanswered and open.
        events.publish(
                customer(BRAND, "kpi-contact-c1", "kpi-contact-m1", VENDOR, SHOP, "u1", "2026-06-01T02:00:00Z"),
                agent(BRAND, "kpi-contact-c1", "kpi-contact-m2", VENDOR, SHOP, "u1", A1, "2026-06-01T02:00:20Z"),
                customer(BRAND, "kpi-contact-c2", "kpi-contact-m3", VENDOR, SHOP, "u2", "2026-06-01T03:00:00Z"),
                customer(BRAND, "kpi-contact-c3", "kpi-contact-m4", VENDOR, SHOP, "u3", "2026-06-01T04:00:00Z"),
                closed(BRAND, "kpi-contact-c1", VENDOR, SHOP),
                closed(BRAND, "kpi-contact-c2", VENDOR, SHOP));
        events.publish(
                rating(BRAND, "kpi-contact-r1", SHOP, "kpi-contact-c1", "2026-06-01T05:00:00Z", 5, 4, 3),
                rating(BRAND, "kpi-contact-r2", SHOP, null, "2026-06-01T05:00:00Z", 3, 2, 5),
                rating(BRAND, "kpi-contact-r3", SHOP, "kpi-contact-c3", "2026-06-01T05:00:00Z", 1, 3, 4),
                call(
                        BRAND,
                        "kpi-contact-k1",
                        VENDOR,
                        SHOP,
                        A1,
                        CallDirection.INBOUND,
                        "2026-06-01T02:00:00Z",
                        10,
                        100,
                        20,
                        30,
                        false),
                call(
                        BRAND,
                        "kpi-contact-k2",
                        VENDOR,
                        SHOP,
                        A1,
                        CallDirection.INBOUND,
                        "2026-06-01T02:10:00Z",
                        18,
                        50,
                        0,
                        10,
                        false),
                call(
                        BRAND,
                        "kpi-contact-k3",
                        VENDOR,
                        SHOP,
                        null,
                        CallDirection.INBOUND,
                        "2026-06-01T02:20:00Z",
                        3,
                        0,
                        0,
                        0,
                        true),
                call(
                        BRAND,
                        "kpi-contact-k4",
                        VENDOR,
                        SHOP,
                        null,
                        CallDirection.INBOUND,
                        "2026-06-01T02:30:00Z",
                        40,
                        0,
                        0,
                        0,
                        true),
                call(
                        BRAND,
                        "kpi-contact-k5",
                        VENDOR,
                        SHOP,
                        A1,
                        CallDirection.OUTBOUND,
                        "2026-06-01T02:40:00Z",
                        0,
                        60,
                        0,
                        0,
                        false),
                callbackCompleted(BRAND, "kpi-contact-cb1", VENDOR, A2, "2026-06-01T06:00:00Z", true),
                callbackScheduled(BRAND, "kpi-contact-cb1", VENDOR, A1, "2026-06-01T06:00:00Z"),
                callbackScheduled(BRAND, "kpi-contact-cb2", VENDOR, A1, "2026-06-01T06:00:00Z"),
                callbackCompleted(BRAND, "kpi-contact-cb3", VENDOR, A1, "2026-06-01T06:00:00Z", false),
                complaintResolved(
                        BRAND, "kpi-contact-cp1", VENDOR, SHOP, "2026-06-01T04:00:00Z", "2026-06-01T06:30:59Z", true),
                complaintFiled(BRAND, "kpi-contact-cp1", VENDOR, SHOP, "2026-06-01T04:00:00Z"),
                complaintFiled(BRAND, "kpi-contact-cp2", VENDOR, SHOP, "2026-06-01T05:00:00Z"),
                complaintResolved(
                        BRAND, "kpi-contact-cp2", VENDOR, SHOP, "2026-06-01T05:00:00Z", "2026-06-01T10:00:30Z", false),
                complaintFiled(BRAND, "kpi-contact-cp3", VENDOR, SHOP, "2026-06-01T05:00:00Z"),
                evaluation(
                        BRAND,
                        "kpi-contact-q1",
                        VENDOR,
                        A1,
                        QaSubjectType.CONVERSATION,
                        "85.5",
                        true,
                        "2026-06-01T07:00:00Z"),
                evaluation(
                        BRAND, "kpi-contact-q2", VENDOR, A1, QaSubjectType.CALL, "60", false, "2026-06-01T07:00:00Z"),
                evaluation(
                        BRAND,
                        "kpi-contact-q3",
                        VENDOR,
                        A2,
                        QaSubjectType.CONVERSATION,
                        "90",
                        true,
                        "2026-06-01T07:00:00Z"));
    }

    /**
     * r1 on c1 (answered by A1) 5/4/3, r2 unlinked 3/2/5, r3 on c3 (unanswered) 1/3/4: DSR 9/3, 9/3, 12/3; CSAT of
     * the linked r1 and r3: 1/2; participation: c1 and c2 closed, only c1 rated: 1/2.
     */
    @Test
    void ratingsGiveDsrCsatAndParticipation() {
        JsonPath report = awaitReport(
                params("from", DAY, "to", DAY, "kpis", "dsrItem,dsrService,dsrLogistics,csat,ratingParticipation"),
                r -> denominator(r, group(), "dsrItem") == 3 && denominator(r, group(), "ratingParticipation") == 2);
        Map<String, Object> all = row(report, group());
        assertRate(all, "dsrItem", "3.0000", 9, 3);
        assertRate(all, "dsrService", "3.0000", 9, 3);
        assertRate(all, "dsrLogistics", "4.0000", 12, 3);
        assertRate(all, "csat", "0.5000", 1, 2);
        assertRate(all, "ratingParticipation", "0.5000", 1, 2);

        JsonPath byAgent = awaitReport(
                params("from", DAY, "to", DAY, "groupBy", "agent,team,channel", "kpis", "dsrService,csat"),
                r -> rows(r).size() == 3);
        assertRate(row(byAgent, group("agent", A1, "team", T1, "channel", "CHAT")), "csat", "1.0000", 1, 1);
        // r3 is linked but unanswered (no agent, channel CHAT); r2 is unlinked (no channel).
        assertThat(rows(byAgent).stream().map(row -> row.get("group")).toList())
                .containsExactlyInAnyOrder(
                        group("agent", A1, "team", T1, "channel", "CHAT"),
                        group("agent", null, "team", null, "channel", "CHAT"),
                        group("agent", null, "team", null, "channel", null));
    }

    /**
     * Inbound: k1 answered after 10 s (handle 150), k2 after 18 s (handle 60), k3 abandoned after 3 s, k4 after 40 s;
     * outbound k5 handle 60. Service level 15 s: k1 of 4 - 1 short abandon = 1/3.
     */
    @Test
    void callsGiveOfferedAnsweredAbandonSpeedServiceLevelAndHandleTime() {
        JsonPath report = awaitReport(
                params(
                        "from",
                        DAY,
                        "to",
                        DAY,
                        "kpis",
                        "callsOffered,callsAnswered,abandonRate,averageSpeedOfAnswer,"
                                + "serviceLevel,averageHandleSeconds"),
                r -> row(r, group()) != null
                        && number(kpi(row(r, group()), "averageHandleSeconds"), "denominator")
                                        .intValue()
                                == 3);
        Map<String, Object> all = row(report, group());
        assertCount(all, "callsOffered", 4);
        assertCount(all, "callsAnswered", 2);
        assertRate(all, "abandonRate", "0.5000", 2, 4);
        assertRate(all, "averageSpeedOfAnswer", "14.0000", 28, 2);
        assertRate(all, "serviceLevel", "0.3333", 1, 3);
        assertRate(all, "averageHandleSeconds", "90.0000", 270, 3);
        assertThat(kpi(all, "serviceLevel").get("variant")).isEqualTo("serviceLevel=15s,abandonShort=5s");
    }

    /** cb1 scheduled for A1, done on time by A2; cb2 only scheduled; cb3 done late by A1 (its schedule never came). */
    @Test
    void callbacksAreCreditedToWhoeverCompletedThem() {
        JsonPath report = awaitReport(
                params("from", DAY, "to", DAY, "groupBy", "agent,team", "kpis", "callbacksDue,callbackCompletionRate"),
                r -> rows(r).size() == 2
                        && denominator(r, group("agent", A2, "team", "kpi-contact-t2"), "callbackCompletionRate") == 1);
        assertCount(row(report, group("agent", A1, "team", T1)), "callbacksDue", 2);
        assertRate(row(report, group("agent", A1, "team", T1)), "callbackCompletionRate", "0.0000", 0, 2);
        assertRate(row(report, group("agent", A2, "team", "kpi-contact-t2")), "callbackCompletionRate", "1.0000", 1, 1);
    }

    /**
     * cp1 resolved in 2 h 30 min 59 s (150 whole minutes) within SLA, cp2 in 5 h 0 min 30 s (300) outside, cp3 open;
     * three inquiries that day.
     */
    @Test
    void complaintsGiveRateResolutionTimeAndSlaAttainment() {
        JsonPath report = awaitReport(
                params(
                        "from",
                        DAY,
                        "to",
                        DAY,
                        "kpis",
                        "complaints,complaintRate,meanResolutionMinutes,complaintSlaAttainment"),
                r -> denominator(r, group(), "meanResolutionMinutes") == 2
                        && denominator(r, group(), "complaintRate") == 3);
        Map<String, Object> all = row(report, group());
        assertCount(all, "complaints", 3);
        assertRate(all, "complaintRate", "1.0000", 3, 3);
        assertRate(all, "meanResolutionMinutes", "225.0000", 450, 2);
        assertRate(all, "complaintSlaAttainment", "0.5000", 1, 2);
    }

    /** q1 chat 85.5 passed (A1), q2 call 60 failed (A1), q3 chat 90 passed (A2); teams from the organisation copy. */
    @Test
    void evaluationsGiveCountMeanScoreAndFailRatePerChannel() {
        JsonPath all = awaitReport(
                params("from", DAY, "to", DAY, "kpis", "evaluations,meanQaScore,qaFailRate"),
                r -> denominator(r, group(), "meanQaScore") == 3);
        assertCount(row(all, group()), "evaluations", 3);
        assertThat(number(kpi(row(all, group()), "meanQaScore"), "value")).isEqualByComparingTo("78.5");
        assertRate(row(all, group()), "qaFailRate", "0.3333", 1, 3);

        JsonPath byChannel = awaitReport(
                params("from", DAY, "to", DAY, "groupBy", "channel,team", "kpis", "evaluations,meanQaScore"),
                r -> rows(r).size() == 3);
        assertThat(number(kpi(row(byChannel, group("channel", "CHAT", "team", T1)), "meanQaScore"), "value"))
                .isEqualByComparingTo("85.5");
        assertCount(row(byChannel, group("channel", "PHONE", "team", T1)), "evaluations", 1);
    }

    private static int denominator(JsonPath report, Map<String, String> group, String kpi) {
        Map<String, Object> row = row(report, group);
        return row == null ? 0 : number(kpi(row, kpi), "denominator").intValue();
    }
}

package com.bpo.analytics.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.bpo.analytics.reference.ReferenceScenario.Expected;
import com.bpo.analytics.reference.ReferenceScenario.ExpectedRow;
import com.bpo.contracts.EventPayload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reference computation reproduces every value of the hand-worked scenario. */
class KpiReferenceScenarioTest {

    private final KpiReference reference = new KpiReference(ReferenceScenario.events());

    @Test
    void everyKpiByVendorMatchesTheHandWorkedValues() {
        List<ReferenceRow> rows =
                reference.compute(query(List.of("vendor"), ReferenceScenario.ALL_KPIS), ReferenceScenario.NOW);

        assertThat(rows).extracting(row -> row.group().get("vendor")).containsExactly(null, "v-alpha", "v-beta");
        List<ExpectedRow> expected = ReferenceScenario.byVendor();
        assertThat(ReferenceScenario.ALL_KPIS).containsExactlyElementsOf(KpiReference.KPI_KEYS);
        expected.forEach(row -> assertThat(row.kpis().keySet()).containsExactlyElementsOf(ReferenceScenario.ALL_KPIS));
        assertRows(rows, List.of("vendor"), expected);
    }

    @Test
    void vendorAndAgentRowsMatchTheHandWorkedValues() {
        List<ExpectedRow> expected = ReferenceScenario.byVendorAndAgent();
        List<ReferenceRow> rows =
                reference.compute(query(List.of("vendor", "agent"), kpisOf(expected)), ReferenceScenario.NOW);

        assertRows(rows, List.of("vendor", "agent"), expected);
    }

    @Test
    void dayRowsMatchTheHandWorkedValues() {
        List<ExpectedRow> expected = ReferenceScenario.byDay();
        List<ReferenceRow> rows = reference.compute(query(List.of("day"), kpisOf(expected)), ReferenceScenario.NOW);

        assertThat(rows).extracting(row -> row.group().get("day")).containsExactly("2026-06-01", "2026-06-02");
        assertRows(rows, List.of("day"), expected);
    }

    @Test
    void teamIsTheAgentsCurrentTeam() {
        List<ExpectedRow> expected = ReferenceScenario.byTeam();
        List<ReferenceRow> rows = reference.compute(query(List.of("team"), kpisOf(expected)), ReferenceScenario.NOW);

        assertRows(rows, List.of("team"), expected);
    }

    @Test
    void vendorScopeKeepsOnlyThatVendorsRecords() {
        ReferenceQuery scoped = new ReferenceQuery(
                ReferenceScenario.BRAND,
                ReferenceScenario.D1,
                ReferenceScenario.D2,
                List.of("vendor"),
                ReferenceScenario.ALL_KPIS,
                ReferenceScenario.BETA,
                null);

        List<ReferenceRow> rows = reference.compute(scoped, ReferenceScenario.NOW);

        assertRows(rows, List.of("vendor"), List.of(ReferenceScenario.byVendor().get(2)));
        assertThat(rows).hasSize(1);
    }

    @Test
    void agentScopeKeepsOnlyRecordsCreditedToThatAgent() {
        ReferenceQuery scoped = new ReferenceQuery(
                ReferenceScenario.BRAND,
                ReferenceScenario.D1,
                ReferenceScenario.D2,
                List.of(),
                List.of("inquiries", "inquiryConversion", "callbacksDue"),
                null,
                "a-wang");

        List<ReferenceRow> rows = reference.compute(scoped, ReferenceScenario.NOW);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.group()).isEmpty();
            assertThat(row.kpi("inquiries").value()).isEqualByComparingTo("1");
            assertThat(row.kpi("inquiryConversion").numerator()).isEqualByComparingTo("1");
            assertThat(row.kpi("callbacksDue").value()).isEqualByComparingTo("1");
        });
    }

    @Test
    void aSingleDayRangeLeavesOutTheOtherDaysRecords() {
        ReferenceQuery d2 = ReferenceQuery.of(
                ReferenceScenario.BRAND,
                ReferenceScenario.D2,
                ReferenceScenario.D2,
                List.of(),
                List.of("inquiries", "callsOffered", "silentSales"));

        ReferenceRow row = reference.compute(d2, ReferenceScenario.NOW).get(0);

        assertThat(row.kpi("inquiries").value()).isEqualByComparingTo("2");
        assertThat(row.kpi("callsOffered").value()).isEqualByComparingTo("2");
        assertThat(row.kpi("silentSales").numerator()).isEqualByComparingTo("1");
    }

    @Test
    void hoursAreLocalClockHoursOfTheBrand() {
        ReferenceQuery byHour = ReferenceQuery.of(
                ReferenceScenario.BRAND,
                ReferenceScenario.D1,
                ReferenceScenario.D1,
                List.of("hour"),
                List.of("inquiries"));

        List<ReferenceRow> rows = reference.compute(byHour, ReferenceScenario.NOW);

        assertThat(rows)
                .extracting(
                        row -> row.group().get("hour"),
                        row -> row.kpi("inquiries").value().intValueExact())
                .containsExactly(
                        tuple("2026-06-01T10:00", 1),
                        tuple("2026-06-01T11:00", 1),
                        tuple("2026-06-01T15:00", 1),
                        tuple("2026-06-01T20:00", 1));
    }

    @Test
    void valuesBecomeFinalAfterTheirLateDeliveryAllowance() {
        ReferenceQuery query = query(List.of("vendor"), List.of("inquiries", "paidConversion", "silentSales"));

        ReferenceRow alphaEarly = row(reference.compute(query, ReferenceScenario.at("2026-06-03T23:59:59")), "v-alpha");
        ReferenceRow alphaLate = row(reference.compute(query, ReferenceScenario.at("2026-06-12T00:00:00")), "v-alpha");

        assertThat(alphaEarly.kpi("inquiries").finalValue()).isFalse();
        assertThat(alphaLate.kpi("inquiries").finalValue()).isTrue();
        // paid conversion of a 1-day window closes at D2 + 1 + 9 = June 12, silent sales at D2 + 9 = June 11
        assertThat(alphaLate.kpi("paidConversion").finalValue()).isTrue();
        assertThat(alphaLate.kpi("silentSales").finalValue()).isTrue();
        ReferenceRow betaAtJune12 =
                row(reference.compute(query, ReferenceScenario.at("2026-06-12T00:00:00")), "v-beta");
        assertThat(betaAtJune12.kpi("paidConversion").finalValue()).isFalse();
    }

    @Test
    void unknownKpiOrGroupKeyIsRejected() {
        assertThatThrownBy(
                        () -> reference.compute(query(List.of("vendor"), List.of("happiness")), ReferenceScenario.NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("happiness");
        assertThatThrownBy(
                        () -> reference.compute(query(List.of("planet"), List.of("inquiries")), ReferenceScenario.NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("planet");
    }

    @Test
    void theScenarioDeliversDuplicatesAndLateEvents() {
        List<EventPayload> events = ReferenceScenario.events();

        assertThat(new LinkedHashSet<>(events)).hasSizeLessThan(events.size());
        // the refund of o-1 is delivered after every other fact of the scenario
        assertThat(events.get(events.size() - 2)).hasFieldOrPropertyWithValue("orderId", "o-1");
    }

    private static ReferenceQuery query(List<String> groupBy, List<String> kpis) {
        return ReferenceQuery.of(ReferenceScenario.BRAND, ReferenceScenario.D1, ReferenceScenario.D2, groupBy, kpis);
    }

    private static List<String> kpisOf(List<ExpectedRow> rows) {
        Set<String> kpis = new LinkedHashSet<>();
        rows.forEach(row -> kpis.addAll(row.kpis().keySet()));
        return new ArrayList<>(kpis);
    }

    private static ReferenceRow row(List<ReferenceRow> rows, String vendor) {
        return rows.stream()
                .filter(row -> vendor.equals(row.group().get("vendor")))
                .findFirst()
                .orElseThrow();
    }

    /** Compares every expected row and value, and reports all differences at once. */
    private static void assertRows(List<ReferenceRow> rows, List<String> groupBy, List<ExpectedRow> expected) {
        List<String> differences = new ArrayList<>();
        for (ExpectedRow expectedRow : expected) {
            List<ReferenceRow> matching = rows.stream()
                    .filter(row -> groupValues(row, groupBy).equals(expectedRow.group()))
                    .toList();
            if (matching.size() != 1) {
                differences.add("row " + expectedRow.group() + " found " + matching.size() + " times");
                continue;
            }
            ReferenceRow actual = matching.get(0);
            if (!actual.group().keySet().equals(new LinkedHashSet<>(groupBy))) {
                differences.add("row " + expectedRow.group() + " has group keys "
                        + actual.group().keySet());
            }
            for (Map.Entry<String, Expected> kpi : expectedRow.kpis().entrySet()) {
                String where = expectedRow.group() + " " + kpi.getKey();
                ReferenceValue value = actual.kpi(kpi.getKey());
                if (value == null) {
                    differences.add(where + " missing");
                    continue;
                }
                Expected want = kpi.getValue();
                compareDecimal(differences, where + " numerator", value.numerator(), want.numerator());
                compareDecimal(differences, where + " denominator", value.denominator(), want.denominator());
                compareDecimal(differences, where + " value", value.value(), want.value());
                if (value.finalValue() != want.finalValue()) {
                    differences.add(where + " final " + value.finalValue() + ", expected " + want.finalValue());
                }
                if (!Objects.equals(value.variant(), want.variant())) {
                    differences.add(where + " variant " + value.variant() + ", expected " + want.variant());
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    private static List<String> groupValues(ReferenceRow row, List<String> groupBy) {
        List<String> values = new ArrayList<>();
        groupBy.forEach(key -> values.add(row.group().get(key)));
        return values;
    }

    private static void compareDecimal(List<String> differences, String where, BigDecimal actual, String expected) {
        boolean same =
                expected == null ? actual == null : actual != null && actual.compareTo(new BigDecimal(expected)) == 0;
        if (!same) {
            differences.add(where + " " + actual + ", expected " + expected);
        }
    }
}

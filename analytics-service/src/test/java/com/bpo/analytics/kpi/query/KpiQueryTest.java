package com.bpo.analytics.kpi.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiQueryTest {

    @Test
    void groupKeysAndKpisKeepTheAskedOrderWithoutRepeats() {
        KpiQuery query = KpiQuery.parse("2026-06-01", "2026-06-07", "day, vendor,day", "csat,inquiries,csat");

        assertThat(query.from()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(query.groupBy()).containsExactly(GroupKey.DAY, GroupKey.VENDOR);
        assertThat(query.kpis()).containsExactly(Kpi.CSAT, Kpi.INQUIRIES);
    }

    @Test
    void noKpisNamedMeansEveryKpiAndNoGroupingMeansOneGroup() {
        KpiQuery query = KpiQuery.parse("2026-06-01", "2026-06-01", null, " ");

        assertThat(query.kpis()).containsExactly(Kpi.values());
        assertThat(query.groupBy()).isEmpty();
    }

    @Test
    void unknownNamesAreRejectedNamingTheParameterAndTheValue() {
        assertRejected(() -> KpiQuery.parse("2026-06-01", "2026-06-01", "vendor,week", null), "groupBy", "week");
        assertRejected(() -> KpiQuery.parse("2026-06-01", "2026-06-01", null, "NPS"), "kpis", "NPS");
    }

    @Test
    void datesAreRequiredIsoDatesInOrderAndAtMost366DaysApart() {
        assertRejected(() -> KpiQuery.parse(null, "2026-06-01", null, null), "from", null);
        assertRejected(() -> KpiQuery.parse("2026-06-01", "", null, null), "to", null);
        assertRejected(() -> KpiQuery.parse("01/06/2026", "2026-06-01", null, null), "from", "01/06/2026");
        assertRejected(() -> KpiQuery.parse("2026-06-02", "2026-06-01", null, null), "from", "2026-06-02");
        assertRejected(() -> KpiQuery.parse("2024-01-01", "2025-01-01", null, null), "to", "2025-01-01");
        assertThat(KpiQuery.parse("2024-01-01", "2024-12-31", null, null).to())
                .isEqualTo(LocalDate.parse("2024-12-31"));
    }

    @Test
    void everyKpiMeasureBelongsToItsFamily() {
        for (Kpi kpi : Kpi.values()) {
            assertThat(kpi.family().measures()).as(kpi.key()).contains(kpi.numerator());
            if (!kpi.isCount() && kpi != Kpi.COMPLAINT_RATE) {
                assertThat(kpi.family().measures()).as(kpi.key()).contains(kpi.denominator());
            }
        }
        assertThat(Family.CHAT.measures()).contains(Kpi.COMPLAINT_RATE.denominator());
    }

    @Test
    void groupedStatementsUseOnlyWhitelistedColumns() {
        String sql = KpiQueryBuilder.sql(Family.CALLS, List.of(GroupKey.VENDOR, GroupKey.HOUR));

        assertThat(sql)
                .contains("r.vendor as k0")
                .contains("to_char(r.bucket_at at time zone p.tz, 'YYYY-MM-DD\"T\"HH24:00') as k1")
                .contains("group by 1, 2")
                .contains("having count(*) > 0");
    }

    private static void assertRejected(Runnable parse, String field, Object rejected) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(400);
            FieldError error = problem.errors().get(0);
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.rejectedValue()).isEqualTo(rejected);
        });
    }
}

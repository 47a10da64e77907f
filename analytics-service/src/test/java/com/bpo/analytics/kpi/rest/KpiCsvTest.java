package com.bpo.analytics.kpi.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.analytics.kpi.query.KpiReport;
import com.bpo.analytics.kpi.query.KpiRow;
import com.bpo.analytics.kpi.query.KpiValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiCsvTest {

    @Test
    void fieldsWithCommasOrQuotesAreQuotedAndNullsAreEmpty() {
        Map<String, String> group = new LinkedHashMap<>();
        group.put("vendor", "v,1");
        group.put("agent", null);
        Map<String, KpiValue> kpis = new LinkedHashMap<>();
        kpis.put(
                "inquiryConversion",
                new KpiValue(
                        new BigDecimal("0.4200"),
                        new BigDecimal("42"),
                        new BigDecimal("100"),
                        true,
                        "window=1d,attribution=LAST_REPLIER"));
        kpis.put("averageOrderValue", new KpiValue(null, BigDecimal.ZERO, BigDecimal.ZERO, false, null));
        KpiReport report = new KpiReport(
                "b",
                "Asia/Shanghai",
                LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-01"),
                List.of("vendor", "agent"),
                List.of(new KpiRow(group, kpis)));

        assertThat(KpiCsv.of(report).split("\r\n", -1))
                .containsExactly(
                        "vendor,agent,kpi,value,numerator,denominator,final,variant",
                        "\"v,1\",,inquiryConversion,0.4200,42,100,true,\"window=1d,attribution=LAST_REPLIER\"",
                        "\"v,1\",,averageOrderValue,,0,0,false,",
                        "");
    }

    @Test
    void quotesInsideAFieldAreDoubled() {
        assertThat(KpiCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(KpiCsv.escape("plain")).isEqualTo("plain");
    }
}

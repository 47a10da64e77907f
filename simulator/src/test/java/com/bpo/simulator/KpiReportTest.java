package com.bpo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.simulator.SimulationResult.KpiRow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiReportTest {

    private static final String ANSWER =
            """
            {"brandId":"brand-zongzi","timeZone":"Asia/Shanghai","from":"2026-06-16","to":"2026-06-18",
             "groupBy":["vendor"],
             "rows":[
              {"group":{"vendor":"vendor-bluesea"},
               "kpis":{"inquiries":{"value":1200,"numerator":1200,"denominator":null,"final":true},
                       "responseRate":{"value":0.9150,"numerator":1098,"denominator":1200,"final":true},
                       "firstResponseSeconds":{"value":41.2500,"numerator":45292,"denominator":1098,"final":true},
                       "withinThresholdRate":{"value":0.7012,"numerator":1500,"denominator":2139,"final":true,
                                              "variant":"threshold=60s"},
                       "inquiryConversion":{"value":0.2000,"numerator":220,"denominator":1100,"final":false,
                                            "variant":"window=2d,attribution=LAST_REPLIER"},
                       "averageOrderValue":{"value":null,"numerator":0,"denominator":0,"final":false}}},
              {"group":{"vendor":null},
               "kpis":{"inquiries":{"value":0,"numerator":0,"denominator":null,"final":true}}}]}
            """;

    @Test
    void rowsKeepValueNumeratorDenominatorFinalityAndVariant() throws Exception {
        List<KpiRow> rows = KpiReport.rows(new ObjectMapper().readTree(ANSWER));

        assertThat(rows).hasSize(2);
        KpiRow bluesea = rows.get(0);
        assertThat(bluesea.vendorId()).isEqualTo("vendor-bluesea");
        assertThat(bluesea.kpi("responseRate").numerator()).isEqualByComparingTo("1098");
        assertThat(bluesea.kpi("responseRate").denominator()).isEqualByComparingTo("1200");
        assertThat(bluesea.kpi("inquiries").denominator()).isNull();
        assertThat(bluesea.kpi("inquiryConversion").isFinal()).isFalse();
        assertThat(bluesea.kpi("withinThresholdRate").variant()).isEqualTo("threshold=60s");
        assertThat(bluesea.kpi("averageOrderValue").value()).isNull();
        assertThat(rows.get(1).vendorId()).isNull();
    }

    @Test
    void theTableShowsOneLinePerVendorWithReadableUnits() throws Exception {
        List<KpiRow> rows = KpiReport.rows(new ObjectMapper().readTree(ANSWER));

        String table = KpiReport.table("brand-zongzi", LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 18), rows);

        assertThat(table.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("vendor-bluesea")
                .contains("1,200", "91.5 %", "41.3 s", "70.1 %", "20.0 %"));
        assertThat(table).contains("KPIs of brand-zongzi by vendor, 2026-06-16 to 2026-06-18");
        assertThat(table).contains("threshold=60s", "window=2d,attribution=LAST_REPLIER");
        assertThat(table).contains("not final yet");
        assertThat(table.lines().filter(line -> line.startsWith("null"))).isEmpty();
    }

    @Test
    void cellsFormatCountsRatesSecondsAndMoney() {
        assertThat(KpiReport.cell("averageOrderValue", value("268.5"))).isEqualTo("268.50");
        assertThat(KpiReport.cell("abandonRate", value("0.0525"))).isEqualTo("5.3 %");
        assertThat(KpiReport.cell("callsOffered", value("1234"))).isEqualTo("1,234");
        assertThat(KpiReport.cell("serviceLevel", null)).isEqualTo("-");
    }

    @Test
    void theQueryAsksForTheTableKpisGroupedByVendor() {
        assertThat(KpiReport.query("brand-zongzi", LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 18)))
                .isEqualTo("/api/v1/kpis?brandId=brand-zongzi&from=2026-06-16&to=2026-06-18&groupBy=vendor&kpis="
                        + "inquiries,responseRate,firstResponseSeconds,withinThresholdRate,inquiryConversion,"
                        + "paidConversion,averageOrderValue,callsOffered,abandonRate,serviceLevel");
    }

    private static SimulationResult.KpiValue value(String value) {
        return new SimulationResult.KpiValue(new BigDecimal(value), null, null, true, null);
    }
}

package com.bpo.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.bpo.systemtests.stack.LocalStackExtension;
import com.bpo.systemtests.stack.LocalStackRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The brand KPI dashboard in a real browser (headless Chromium) on the local stack with simulated traffic: people
 * sign in through Keycloak's own login form, and what each sees is checked against what the API gives their token.
 * Each run rewrites the screenshots in {@code docs/screenshots/} that the README and docs/console.md show.
 */
@ExtendWith(LocalStackExtension.class)
class ConsoleBrowserTest {

    private static final int WIDE = 1280;
    private static final int WIDE_HEIGHT = 900;
    private static final int PHONE = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final String BRAND = "brand-zongzi";
    private static final String STARCALL = "vendor-starcall";
    private static final String BLUESEA = "vendor-bluesea";
    private static final List<String> HEADLINE_KPIS = List.of(
            "inquiries",
            "responseRate",
            "firstResponseSeconds",
            "averageResponseSeconds",
            "withinThresholdRate",
            "inquiryConversion",
            "paidConversion",
            "averageOrderValue",
            "dsrItem",
            "dsrService",
            "dsrLogistics",
            "csat",
            "serviceLevel",
            "abandonRate");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStackRun stack;
    private final Path screenshots;

    ConsoleBrowserTest(LocalStackRun stack) {
        this.stack = stack;
        this.screenshots = stack.repositoryRoot().resolve("docs/screenshots");
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        if (!Files.isExecutable(ConsoleBrowser.CHROMIUM) || !Files.isExecutable(ConsoleBrowser.CHROMEDRIVER)) {
            fail(ConsoleBrowser.INSTALL_HINT);
        }
    }

    @Test
    void brandAnalystSeesBothVendorsSideBySideWithTheApisNumbers() throws IOException {
        try (ConsoleBrowser browser = new ConsoleBrowser(WIDE, WIDE_HEIGHT)) {
            browser.signIn(dashboardUrl(), "zongzi-analyst", LocalStackRun.DEMO_PASSWORD);

            assertThat(vendorColumns(browser)).containsExactly(BLUESEA, STARCALL, "__total__");
            Map<String, Map<String, JsonNode>> api = apiKpisByVendor("zongzi-analyst");
            assertThat(api).containsKeys(STARCALL, BLUESEA);
            for (String vendor : List.of(STARCALL, BLUESEA)) {
                for (String kpi : HEADLINE_KPIS) {
                    WebElement cell = cell(browser, vendor, kpi);
                    JsonNode answer = api.get(vendor).get(kpi);
                    assertThat(decimal(cell.getDomAttribute("data-numerator")))
                            .as("%s %s numerator", vendor, kpi)
                            .isEqualByComparingTo(answer.get("numerator").decimalValue());
                }
                assertThat(decimal(cell(browser, vendor, "inquiries").getDomAttribute("data-numerator")))
                        .as("simulated inquiries of %s", vendor)
                        .isPositive();
            }
            // Hovering a value shows what it is made of.
            WebElement rate = cell(browser, STARCALL, "responseRate").findElement(By.className("value"));
            JsonNode responseRate = api.get(STARCALL).get("responseRate");
            // (English grouping: 1,008 / 1,035)
            assertThat(rate.getDomAttribute("title"))
                    .contains(String.format(
                            Locale.US,
                            "%,d / %,d",
                            responseRate.get("numerator").asLong(),
                            responseRate.get("denominator").asLong()));
            // Targets come from the vendor's engagement; a KPI without one says so.
            JsonNode targets = engagementTargets("zongzi-analyst", STARCALL);
            for (Map.Entry<String, String> target : Map.of(
                            "responseRate", "target ≥",
                            "withinThresholdRate", "target ≥",
                            "serviceLevel", "target ≥",
                            "firstResponseSeconds", "target ≤",
                            "averageResponseSeconds", "target ≤",
                            "abandonRate", "target ≤")
                    .entrySet()) {
                assertThat(cell(browser, STARCALL, target.getKey()).getText())
                        .as("target of %s", target.getKey())
                        .contains(targets.hasNonNull(target.getKey()) ? target.getValue() : "no target");
            }
            assertThat(cell(browser, STARCALL, "inquiryConversion").getText()).contains("no target");
            assertThat(browser.findAll(By.cssSelector("td[data-vendor='vendor-starcall'] svg.spark")))
                    .hasSize(HEADLINE_KPIS.size());

            browser.screenshot(screenshots.resolve("dashboard-brand-1280.png"));
        }
    }

    @Test
    void brandDashboardFitsAPhoneScreen() {
        try (ConsoleBrowser browser = new ConsoleBrowser(PHONE, PHONE_HEIGHT)) {
            browser.signIn(dashboardUrl(), "zongzi-analyst", LocalStackRun.DEMO_PASSWORD);

            assertThat(vendorColumns(browser)).contains(STARCALL, BLUESEA);
            Number pageWidth = (Number) browser.script("return document.documentElement.scrollWidth;");
            assertThat(pageWidth.intValue())
                    .as("no sideways scrolling on a phone")
                    .isLessThanOrEqualTo(PHONE);
            assertThat(cell(browser, BLUESEA, "inquiries").isDisplayed()).isTrue();

            browser.screenshot(screenshots.resolve("dashboard-brand-390.png"));
        }
    }

    @Test
    void starcallSupervisorSeesOnlyStarcall() throws IOException {
        try (ConsoleBrowser browser = new ConsoleBrowser(WIDE, WIDE_HEIGHT)) {
            browser.signIn(dashboardUrl(), "starcall-supervisor", LocalStackRun.DEMO_PASSWORD);

            assertThat(vendorColumns(browser)).containsExactly(STARCALL);
            assertThat(browser.pageSource().toLowerCase(Locale.ROOT)).doesNotContain("bluesea");
            Map<String, Map<String, JsonNode>> api = apiKpisByVendor("starcall-supervisor");
            assertThat(api).containsOnlyKeys(STARCALL);
            assertThat(decimal(cell(browser, STARCALL, "inquiries").getDomAttribute("data-numerator")))
                    .isEqualByComparingTo(
                            api.get(STARCALL).get("inquiries").get("numerator").decimalValue())
                    .isPositive();

            browser.screenshot(screenshots.resolve("dashboard-vendor-1280.png"));
        }
    }

    @Test
    void blueseaSupervisorSeesOnlyBluesea() throws IOException {
        try (ConsoleBrowser browser = new ConsoleBrowser(WIDE, WIDE_HEIGHT)) {
            browser.signIn(dashboardUrl(), "bluesea-supervisor", LocalStackRun.DEMO_PASSWORD);

            assertThat(vendorColumns(browser)).containsExactly(BLUESEA);
            assertThat(browser.pageSource().toLowerCase(Locale.ROOT)).doesNotContain("starcall");
            Map<String, Map<String, JsonNode>> api = apiKpisByVendor("bluesea-supervisor");
            assertThat(decimal(cell(browser, BLUESEA, "inquiries").getDomAttribute("data-numerator")))
                    .isEqualByComparingTo(
                            api.get(BLUESEA).get("inquiries").get("numerator").decimalValue())
                    .isPositive();
        }
    }

    @Test
    void drillDownGoesFromVendorToTeamToAgent() {
        try (ConsoleBrowser browser = new ConsoleBrowser(WIDE, WIDE_HEIGHT)) {
            browser.signIn(dashboardUrl(), "starcall-supervisor", LocalStackRun.DEMO_PASSWORD);

            browser.find(By.cssSelector("button[data-drill-vendor='vendor-starcall']"))
                    .click();
            browser.awaitScript(
                    "document.querySelector('#drilldown-table[data-level=team] tbody tr[data-team]') !== null");
            List<WebElement> teams = browser.findAll(By.cssSelector("#drilldown-table tbody tr[data-team]"));
            assertThat(teams)
                    .extracting(row -> row.getDomAttribute("data-team"))
                    .contains("team-starcall-presales");
            // The supervisor's own vendor: teams by name.
            assertThat(browser.find(By.id("drilldown")).getText()).contains("Starcall pre-sales");

            browser.find(By.cssSelector("tr[data-team='team-starcall-presales'] button.drill"))
                    .click();
            browser.awaitScript(
                    "document.querySelector('#drilldown-table[data-level=agent] tbody tr[data-agent]') !== null");
            List<String> agents = browser.findAll(By.cssSelector("#drilldown-table tbody tr[data-agent]")).stream()
                    .map(row -> row.getDomAttribute("data-agent"))
                    .toList();
            assertThat(agents).isNotEmpty().allMatch(agent -> agent.startsWith("agent-starcall-"));
            assertThat(browser.find(By.id("breadcrumbs")).getText()).contains("Starcall pre-sales");

            browser.screenshot(screenshots.resolve("dashboard-drilldown-1280.png"));
        }
    }

    @Test
    void hourlyChartShowsADayWithTraffic() {
        try (ConsoleBrowser browser = new ConsoleBrowser(WIDE, WIDE_HEIGHT)) {
            browser.signIn(dashboardUrl(), "zongzi-analyst", LocalStackRun.DEMO_PASSWORD);

            browser.awaitScript("document.querySelector('#hourly-chart canvas') !== null");
            WebElement chart = browser.find(By.id("hourly-chart"));
            String day = chart.getDomAttribute("data-day");
            assertThat(day)
                    .isBetween(
                            stack.simulation().from().toString(),
                            stack.simulation().to().toString());
            assertThat(Integer.parseInt(chart.getDomAttribute("data-inquiries")))
                    .isPositive();
            assertThat(new Select(browser.find(By.id("hourly-day")))
                            .getFirstSelectedOption()
                            .getText())
                    .contains("peak day");
        }
    }

    @Test
    void csvExportDownloadsTheRowsOfTheTable() throws IOException {
        try (ConsoleBrowser browser = new ConsoleBrowser(WIDE, WIDE_HEIGHT)) {
            browser.signIn(dashboardUrl(), "zongzi-analyst", LocalStackRun.DEMO_PASSWORD);

            browser.find(By.id("export")).click();
            Path file = browser.awaitDownload();

            assertThat(file.getFileName().toString())
                    .isEqualTo("kpis-" + BRAND + "-" + stack.simulation().from() + "-"
                            + stack.simulation().to() + ".csv");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("vendor,kpi,value,numerator,denominator,final,variant");
            List<String> checked = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                String vendor = fields[0];
                if (vendor.isEmpty()) {
                    continue; // records of no vendor (unlinked ratings) are in the table's brand total only
                }
                WebElement cell = cell(browser, vendor, fields[1]);
                assertThat(decimal(cell.getDomAttribute("data-numerator")))
                        .as(line)
                        .isEqualByComparingTo(decimal(fields[3]));
                assertThat(cell.getDomAttribute("data-denominator")).as(line).isEqualTo(plain(fields[4]));
                checked.add(vendor + "/" + fields[1]);
            }
            assertThat(checked).hasSize(2 * HEADLINE_KPIS.size());
        }
    }

    @Test
    void switchingToChineseChangesLabelsAndFormats() {
        try (ConsoleBrowser browser = new ConsoleBrowser(WIDE, WIDE_HEIGHT)) {
            browser.signIn(dashboardUrl(), "zongzi-analyst", LocalStackRun.DEMO_PASSWORD);
            String englishTitle = browser.find(By.id("period-title")).getText();
            String englishValue = cell(browser, STARCALL, "averageOrderValue")
                    .findElement(By.className("value"))
                    .getText();
            assertThat(browser.find(By.cssSelector("tr[data-kpi='inquiries'] th"))
                            .getText())
                    .isEqualTo("Inquiries");
            assertThat(englishValue).startsWith("CN¥");

            new Select(browser.find(By.id("language"))).selectByValue("zh-CN");
            browser.awaitScript("document.documentElement.lang === 'zh-CN' && document.body.dataset.ready === 'true'"
                    + " && document.querySelector(\"tr[data-kpi='inquiries'] th\").textContent === '咨询量'");

            assertThat(browser.find(By.cssSelector(".brand-title")).getText()).isEqualTo("品牌客服KPI看板");
            assertThat(browser.find(By.id("period-title")).getText())
                    .isNotEqualTo(englishTitle)
                    .contains("年");
            assertThat(cell(browser, STARCALL, "averageOrderValue")
                            .findElement(By.className("value"))
                            .getText())
                    .startsWith("¥");
            assertThat(cell(browser, STARCALL, "firstResponseSeconds").getText())
                    .contains("秒");

            browser.screenshot(screenshots.resolve("dashboard-brand-zh-1280.png"));
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private URI dashboardUrl() {
        return stack.gatewayUrl("/console/?brand=" + BRAND + "&from="
                + stack.simulation().from() + "&to=" + stack.simulation().to());
    }

    private static List<String> vendorColumns(ConsoleBrowser browser) {
        return browser.findAll(By.cssSelector("#comparison thead th[data-vendor]")).stream()
                .map(header -> header.getDomAttribute("data-vendor"))
                .toList();
    }

    private static WebElement cell(ConsoleBrowser browser, String vendor, String kpi) {
        return browser.find(By.cssSelector("#comparison td[data-vendor='" + vendor + "'][data-kpi='" + kpi + "']"));
    }

    /** The API's own answer for the same period, grouped by vendor: what the user's token may see. */
    private Map<String, Map<String, JsonNode>> apiKpisByVendor(String username) throws IOException {
        HttpResponse<String> answer = stack.get(
                "/api/v1/kpis?brandId=" + BRAND + "&from=" + stack.simulation().from() + "&to="
                        + stack.simulation().to() + "&groupBy=vendor&kpis=" + String.join(",", HEADLINE_KPIS),
                stack.accessToken(username));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Map<String, JsonNode>> byVendor = new HashMap<>();
        for (JsonNode row : JSON.readTree(answer.body()).get("rows")) {
            JsonNode vendor = row.get("group").get("vendor");
            if (vendor == null || vendor.isNull()) {
                continue;
            }
            Map<String, JsonNode> kpis = new HashMap<>();
            row.get("kpis").properties().forEach(kpi -> kpis.put(kpi.getKey(), kpi.getValue()));
            byVendor.put(vendor.asText(), kpis);
        }
        return byVendor;
    }

    /** The SLA targets of the vendor's engagement with the brand, as the API gives them to the user. */
    private JsonNode engagementTargets(String username, String vendorId) throws IOException {
        HttpResponse<String> answer = stack.get("/api/v1/engagements", stack.accessToken(username));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode engagement : JSON.readTree(answer.body())) {
            if (engagement.get("brandId").asText().equals(BRAND)
                    && engagement.get("vendorId").asText().equals(vendorId)
                    && engagement.get("active").asBoolean()) {
                return engagement.get("slaTargets");
            }
        }
        throw new AssertionError("no active engagement of " + vendorId + " with " + BRAND + ": " + answer.body());
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    /** A CSV denominator as the table writes it: empty for counts, the plain number otherwise. */
    private static String plain(String text) {
        return text.isEmpty() ? "" : new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
}

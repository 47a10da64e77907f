package com.bpo.systemtests.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.simulator.DragonBoatPeak;
import com.bpo.simulator.TrafficEvent;
import com.bpo.simulator.TrafficFigures;
import com.bpo.simulator.TrafficFigures.VendorFigures;
import com.bpo.systemtests.stack.LocalStackRun.BpoCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The platform as {@code ./bpo up --fresh} starts it, after {@code ./bpo simulate --days 1 --speed 3600 --seed 7},
 * seen through the gateway with real Keycloak tokens: the KPIs per vendor are what the simulator sent, a brand never
 * reads another brand's data, a vendor and an agent see only their own share.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackSystemTest {

    private static final String ZONGZI = "brand-zongzi";
    private static final String TEAHOUSE = "brand-teahouse";
    private static final String STARCALL = "vendor-starcall";
    private static final String BLUESEA = "vendor-bluesea";

    /**
     * The KPIs per vendor the generator knows exactly: counts of conversations, replies and calls, which the platform
     * counts the same way. Conversion, order value and silent sales are not among them: which orders convert an
     * inquiry follows the engagement's window and attribution rule, which the generator does not reproduce; ratings
     * per vendor depend on whether a rating is linked to a conversation. Per brand, the ratings and paid orders are
     * counted exactly (see below).
     */
    private static final List<String> EXACT_KPIS = List.of(
            "inquiries",
            "responseRate",
            "unansweredInquiries",
            "firstResponseSeconds",
            "callsOffered",
            "callsAnswered",
            "abandonRate");

    private static final Duration KPI_WAIT = Duration.ofMinutes(2);

    private final LocalStackRun stack;
    private final List<TrafficEvent> traffic;
    private final TrafficFigures generated;

    LocalStackSystemTest(LocalStackRun stack) {
        this.stack = stack;
        // The very traffic the simulator sent: its generator is pure and seeded.
        LocalStackRun.SimulatedTraffic simulation = stack.simulation();
        this.traffic = DragonBoatPeak.generate(simulation.seed(), simulation.from(), simulation.days());
        this.generated = TrafficFigures.of(traffic);
    }

    // ------------------------------------------------------------------------------------------ the stack

    @Test
    void upRanOnTheTestsOwnHomeAndMovedPorts() {
        BpoCommand up = stack.up();

        assertThat(up.exitCode()).isZero();
        assertThat(up.output())
                .contains("The BPO platform is up")
                .contains("gateway (public API)       " + stack.gatewayUrl())
                .contains("BPO_STACK_HOME=" + stack.home())
                .doesNotContain("http://127.0.0.1:8080 ");
        assertThat(stack.home().resolve("stack.json")).isRegularFile();
        assertThat(stack.logs().resolve("gateway.log")).isRegularFile();
    }

    @Test
    void statusOfTheTestStackSaysEverythingIsUp() {
        BpoCommand status = stack.bpo(Duration.ofMinutes(2), "status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output())
                .contains(stack.gatewayUrl().toString(), "127.0.0.1:" + stack.port(19092))
                .doesNotContain("down");
    }

    @Test
    void theSimulationWasTakenWholeAndItsKpisCaughtUp() {
        String output = stack.simulation().command().output();

        assertThat(stack.simulation().command().exitCode()).isZero();
        assertThat(output)
                .contains("seed " + LocalStackRun.SIMULATION_SEED + ":")
                .contains("rejected 0, failed 0")
                .contains("KPIs caught up");
    }

    // ------------------------------------------------------------------------------------------ KPIs = traffic

    @ParameterizedTest
    @ValueSource(strings = {ZONGZI, TEAHOUSE})
    void kpisPerVendorAreExactlyWhatTheSimulatorSent(String brandId) {
        Map<String, VendorFigures> expected = generated.vendors().get(brandId);
        assertThat(expected).as("the scenario sends traffic for " + brandId).isNotEmpty();
        String analyst = brandId.equals(ZONGZI) ? "zongzi-analyst" : "teahouse-analyst";
        Map<String, Map<String, long[]>> wanted = new TreeMap<>();
        expected.forEach((vendorId, figures) -> wanted.put(vendorId, exactKpis(figures)));

        // The simulator waited for brand-zongzi's chats and calls; anything still in flight is given two minutes.
        await().atMost(KPI_WAIT).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                        countsByGroup(exactKpisByVendor(brandId, stack.accessToken(analyst)), "vendor"))
                .isEqualTo(printable(wanted)));
    }

    @ParameterizedTest
    @ValueSource(strings = {ZONGZI, TEAHOUSE})
    void theBrandsRatingsAndPaidOrdersAreExactlyWhatTheSimulatorSent(String brandId) {
        long ratings = traffic.stream()
                .filter(event ->
                        event instanceof TrafficEvent.Rating && event.brandId().equals(brandId))
                .count();
        long paidOrders = traffic.stream()
                .filter(event -> event instanceof TrafficEvent.OrderChange order
                        && order.brandId().equals(brandId)
                        && order.status() == OrderStatus.PAID)
                .count();
        String analyst = brandId.equals(ZONGZI) ? "zongzi-analyst" : "teahouse-analyst";
        String query = "/api/v1/kpis?brandId=" + brandId + "&from="
                + stack.simulation().from() + "&to=" + stack.simulation().to() + "&kpis=dsrService,silentSales";

        // Ratings and orders travel on their own topic; the simulator waited only for chats and calls.
        await().atMost(KPI_WAIT).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            JsonNode brand = json(ok(stack.get(query, stack.accessToken(analyst))))
                    .path("rows")
                    .path(0)
                    .path("kpis");
            assertThat(brand.path("dsrService").path("denominator").asLong())
                    .as("ratings")
                    .isEqualTo(ratings);
            assertThat(brand.path("silentSales").path("denominator").asLong())
                    .as("paid orders")
                    .isEqualTo(paidOrders);
        });
    }

    /** Only the exact KPIs: a row of the brand's silent sales (no vendor) would have none of them. */
    private JsonNode exactKpisByVendor(String brandId, String token) {
        return json(ok(stack.get(kpiQuery(brandId, "vendor") + "&kpis=" + String.join(",", EXACT_KPIS), token)));
    }

    /** numerator and denominator (-1 for none) of each exact KPI, as the generator counts them. */
    private static Map<String, long[]> exactKpis(VendorFigures figures) {
        Map<String, long[]> kpis = new LinkedHashMap<>();
        kpis.put("inquiries", new long[] {figures.inquiries(), -1});
        kpis.put("responseRate", new long[] {figures.answered(), figures.inquiries()});
        kpis.put("unansweredInquiries", new long[] {figures.inquiries() - figures.answered(), -1});
        kpis.put("firstResponseSeconds", new long[] {figures.firstResponseSeconds(), figures.answered()});
        kpis.put("callsOffered", new long[] {figures.callsOffered(), -1});
        kpis.put("callsAnswered", new long[] {figures.callsOffered() - figures.callsAbandoned(), -1});
        kpis.put("abandonRate", new long[] {figures.callsAbandoned(), figures.callsOffered()});
        return kpis;
    }

    /** The exact KPIs of each row as "numerator/denominator" text, so a mismatch reads plainly. */
    private static Map<String, Map<String, String>> countsByGroup(JsonNode answer, String groupBy) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (JsonNode row : answer.path("rows")) {
            Map<String, String> counts = new LinkedHashMap<>();
            for (String kpi : EXACT_KPIS) {
                JsonNode value = row.path("kpis").path(kpi);
                counts.put(
                        kpi,
                        value.path("numerator").asText() + "/"
                                + (value.path("denominator").isNull()
                                        ? "-"
                                        : value.path("denominator").asText()));
            }
            rows.put(row.path("group").path(groupBy).asText("(none)"), counts);
        }
        return rows;
    }

    private static Map<String, Map<String, String>> printable(Map<String, Map<String, long[]>> rows) {
        Map<String, Map<String, String>> printable = new TreeMap<>();
        rows.forEach((group, kpis) -> {
            Map<String, String> counts = new LinkedHashMap<>();
            kpis.forEach((kpi, pair) -> counts.put(kpi, pair[0] + "/" + (pair[1] < 0 ? "-" : Long.toString(pair[1]))));
            printable.put(group, counts);
        });
        return printable;
    }

    // ------------------------------------------------------------------------------------------ brands

    @ParameterizedTest
    @ValueSource(strings = {"teahouse-analyst", "teahouse-admin", "integration-teahouse"})
    void aTeahouseCallerCannotReadBrandZongzisData(String caller) {
        assertNoBrandDataFor(caller, ZONGZI, "zongzi-analyst");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zongzi-analyst", "zongzi-admin", "integration-zongzi"})
    void aZongziCallerCannotReadBrandTeahousesData(String caller) {
        assertNoBrandDataFor(caller, TEAHOUSE, "teahouse-analyst");
    }

    /**
     * {@code caller} gets 403 or 404 and no record for the KPIs, conversations, a conversation and a customer profile of
     * {@code brandId}, which {@code owner} reads (200) with the same requests.
     */
    private void assertNoBrandDataFor(String caller, String brandId, String owner) {
        String ownerToken = stack.accessToken(owner);
        String callerToken = token(caller);
        JsonNode conversation = json(ok(
                        stack.get("/api/v1/chat/conversations?brandId=" + brandId + "&limit=1", ownerToken)))
                .path("items")
                .path(0);
        String conversationId = conversation.path("conversationId").asText();
        assertThat(conversationId).as("a conversation of " + brandId).isNotEmpty();
        // A customer the simulator sent a profile for: only those are on record (not every one who chatted).
        String customerId = traffic.stream()
                .filter(event -> event instanceof TrafficEvent.CustomerProfile
                        && event.brandId().equals(brandId))
                .map(event -> ((TrafficEvent.CustomerProfile) event).customerId())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the simulation sent no customer profile of " + brandId));
        String day = stack.simulation().from().toString();
        List<String> requests = List.of(
                "/api/v1/kpis?brandId=" + brandId + "&from=" + day + "&to=" + day + "&groupBy=vendor",
                "/api/v1/chat/conversations?brandId=" + brandId,
                "/api/v1/chat/conversations/" + encode(conversationId) + "?brandId=" + brandId,
                "/api/v1/customers/" + encode(customerId) + "?brandId=" + brandId);

        for (String request : requests) {
            assertThat(stack.get(request, ownerToken).statusCode())
                    .as(owner + " reads " + request)
                    .isEqualTo(200);
            HttpResponse<String> refused = stack.get(request, callerToken);
            assertThat(refused.statusCode()).as(caller + " asks " + request).isIn(403, 404);
            assertThat(refused.body())
                    .as("no data of " + brandId + " in the refusal")
                    .doesNotContain(conversationId)
                    .doesNotContain(customerId)
                    .doesNotContain("\"rows\"");
        }
        // Without a brand the caller gets its own brand's scope, where the other brand's conversation does not exist.
        assertThat(stack.get("/api/v1/chat/conversations/" + encode(conversationId), callerToken)
                        .statusCode())
                .isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ vendors, agents

    @ParameterizedTest
    @ValueSource(strings = {"starcall-supervisor", "bluesea-supervisor"})
    void aVendorSeesOnlyItsOwnShareOfBrandZongzi(String supervisor) {
        String vendorId = supervisor.startsWith("starcall") ? STARCALL : BLUESEA;
        JsonNode brandView = kpis(ZONGZI, "vendor", stack.accessToken("zongzi-analyst"));

        JsonNode vendorView = kpis(ZONGZI, "vendor", stack.accessToken(supervisor));

        assertThat(groups(vendorView, "vendor")).containsExactly(vendorId);
        assertThat(vendorView.path("rows").path(0).path("kpis"))
                .as("every KPI of " + vendorId + " as the brand sees it")
                .isEqualTo(row(brandView, "vendor", vendorId).path("kpis"));
    }

    @Test
    void blueseaSeesItsShareOfBrandTeahouseAndStarcallNone() {
        JsonNode brandView = kpis(TEAHOUSE, "vendor", stack.accessToken("teahouse-analyst"));

        JsonNode bluesea = kpis(TEAHOUSE, "vendor", stack.accessToken("bluesea-supervisor"));

        assertThat(groups(bluesea, "vendor")).containsExactly(BLUESEA);
        assertThat(bluesea.path("rows").path(0).path("kpis"))
                .isEqualTo(row(brandView, "vendor", BLUESEA).path("kpis"));
        // starcall serves no engagement of brand-teahouse: that brand is outside its scope.
        assertThat(stack.get(kpiQuery(TEAHOUSE, "vendor"), stack.accessToken("starcall-supervisor"))
                        .statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"starcall-agent-1", "bluesea-agent-2"})
    void anAgentSeesOnlyItself(String username) {
        String agentId = "agent-" + username.replace("-agent-", "-");
        JsonNode brandView = kpis(ZONGZI, "agent", stack.accessToken("zongzi-analyst"));

        JsonNode agentView = kpis(ZONGZI, "agent", stack.accessToken(username));

        assertThat(groups(agentView, "agent")).containsExactly(agentId);
        assertThat(agentView.path("rows").path(0).path("kpis"))
                .isEqualTo(row(brandView, "agent", agentId).path("kpis"));
        assertThat(groups(brandView, "agent")).as("the brand sees every agent").hasSizeGreaterThan(2);
    }

    // ------------------------------------------------------------------------------------------ tokens

    @Test
    void withoutATokenTheGatewayAnswers401() {
        HttpResponse<String> answer = stack.get(kpiQuery(ZONGZI, "vendor"), null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void aTokenWithoutAPlatformRoleIsForbidden() {
        String username = "no-platform-role";
        new KeycloakAdmin(stack).createUserWithoutRoles(username, "no-role-1234");
        String token = stack.accessToken(username, "no-role-1234");

        HttpResponse<String> answer = stack.get(kpiQuery(ZONGZI, "vendor"), token);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("urn:bpo:problem:forbidden").doesNotContain("\"rows\"");
    }

    @Test
    void theConsoleCanSignInAtTheMovedGatewayOnly() {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        int atGateway = authorizationRequest(http, stack.gatewayUrl("/console/").toString());
        int atGatewayByName = authorizationRequest(http, "http://localhost:" + stack.port(8080) + "/console/callback");
        int elsewhere = authorizationRequest(http, "http://127.0.0.1:" + stack.port(8082) + "/console/");

        assertThat(atGateway).as("Keycloak shows its login form").isEqualTo(200);
        assertThat(atGatewayByName).as("and so for localhost").isEqualTo(200);
        assertThat(elsewhere).as("Keycloak refuses the redirect URI").isEqualTo(400);
        assertThat(stack.up().output())
                .contains(
                        "bpo-console",
                        "sign-ins from http://localhost:" + stack.port(8080) + " and http://127.0.0.1:"
                                + stack.port(8080));
    }

    private int authorizationRequest(HttpClient http, String redirectUri) {
        String query = "client_id=" + LocalStackRun.CONSOLE_CLIENT + "&response_type=code&scope=openid&state=s1"
                + "&redirect_uri=" + encode(redirectUri)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        try {
            return http.send(
                            HttpRequest.newBuilder(java.net.URI.create(
                                            stack.realmUrl() + "/protocol/openid-connect/auth?" + query))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String token(String caller) {
        return caller.startsWith("integration-")
                ? stack.integrationToken("brand-" + caller.substring("integration-".length()))
                : stack.accessToken(caller);
    }

    private String kpiQuery(String brandId, String groupBy) {
        String day = stack.simulation().from().toString();
        String to = stack.simulation().to().toString();
        return "/api/v1/kpis?brandId=" + brandId + "&from=" + day + "&to=" + to + "&groupBy=" + groupBy;
    }

    private JsonNode kpis(String brandId, String groupBy, String token) {
        return json(ok(stack.get(kpiQuery(brandId, groupBy), token)));
    }

    private static List<String> groups(JsonNode answer, String groupBy) {
        return StreamSupport.stream(answer.path("rows").spliterator(), false)
                .map(row -> row.path("group").path(groupBy).asText(null))
                .toList();
    }

    private static JsonNode row(JsonNode answer, String groupBy, String value) {
        for (JsonNode row : answer.path("rows")) {
            if (value.equals(row.path("group").path(groupBy).asText(null))) {
                return row;
            }
        }
        throw new AssertionError("no row of " + groupBy + " " + value + " in " + answer);
    }

    private static HttpResponse<String> ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode())
                .as(answer.request().uri() + " answered " + answer.body())
                .isEqualTo(200);
        return answer;
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return LocalStackRun.readTree(answer.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

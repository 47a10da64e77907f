package com.bpo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoOrganisationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakePlatform platform;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void seedingCreatesTheWholeOrganisationWithTheRightTokens() throws Exception {
        DemoOrganisation.seed(platform.gateway(), platform.realm(), out());

        assertThat(platform.received("POST", "/api/v1/brands").stream().map(FakePlatform.Received::path))
                .containsExactly(
                        "/api/v1/brands",
                        "/api/v1/brands",
                        "/api/v1/brands/brand-zongzi/shops",
                        "/api/v1/brands/brand-zongzi/shops",
                        "/api/v1/brands/brand-teahouse/shops");
        assertThat(platform.received("POST", "/api/v1/vendors/vendor-starcall/teams"))
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.authorization()).contains(subjectToken("starcall-admin")));
        assertThat(platform.received("POST", "/api/v1/vendors/vendor-bluesea/agents"))
                .hasSize(6)
                .allSatisfy(request -> assertThat(request.authorization()).contains(subjectToken("bluesea-admin")));
        assertThat(platform.received("POST", "/api/v1/engagements"))
                .hasSize(3)
                .allSatisfy(request -> assertThat(request.authorization()).contains(subjectToken("platform-admin")));
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("demo organisation: 26 created, 0 already there");
    }

    @Test
    void agentsWithALoginAreLinkedToTheirUsersSubject() throws Exception {
        DemoOrganisation.seed(platform.gateway(), platform.realm(), out());

        JsonNode agent = body(platform.received("POST", "/api/v1/vendors/vendor-starcall/agents")
                .get(0));
        JsonNode withoutLogin = body(platform.received("POST", "/api/v1/vendors/vendor-starcall/agents")
                .get(2));
        assertThat(agent.get("agentId").asText()).isEqualTo("agent-starcall-1");
        assertThat(agent.get("userId").asText()).isEqualTo("sub-starcall-agent-1");
        assertThat(agent.get("teamId").asText()).isEqualTo("team-starcall-presales");
        assertThat(withoutLogin.get("agentId").asText()).isEqualTo("agent-starcall-3");
        assertThat(withoutLogin.get("userId").asText()).isEqualTo("starcall-agent-3");
    }

    @Test
    void everyEngagementCarriesTheBrandsSlaTargets() throws Exception {
        DemoOrganisation.seed(platform.gateway(), platform.realm(), out());

        List<JsonNode> engagements = platform.received("POST", "/api/v1/engagements").stream()
                .map(DemoOrganisationTest::body)
                .toList();
        assertThat(engagements).hasSize(3).allSatisfy(engagement -> {
            assertThat(engagement.at("/slaTargets/firstResponseSeconds").asInt())
                    .isEqualTo(30);
            assertThat(engagement.at("/slaTargets/responseRate").decimalValue()).isEqualByComparingTo("0.95");
            assertThat(engagement.at("/slaTargets/abandonRate").decimalValue()).isEqualByComparingTo("0.05");
        });
    }

    @Test
    void engagementsCarryTheirKpiVariants() throws Exception {
        DemoOrganisation.seed(platform.gateway(), platform.realm(), out());

        List<JsonNode> engagements = platform.received("POST", "/api/v1/engagements").stream()
                .map(DemoOrganisationTest::body)
                .toList();
        JsonNode bluesea = engagements.stream()
                .filter(e -> e.get("engagementId").asText().equals(DemoOrganisation.ENGAGEMENT_ZONGZI_BLUESEA))
                .findFirst()
                .orElseThrow();
        assertThat(bluesea.at("/kpiVariants/responseThresholdSeconds").asInt()).isEqualTo(60);
        assertThat(bluesea.at("/kpiVariants/conversionWindowDays").asInt()).isEqualTo(2);
        assertThat(bluesea.get("shopIds").toString()).contains("shop-zongzi-tmall", "shop-zongzi-jd");
        assertThat(bluesea.get("channels").toString()).contains("CHAT", "PHONE");
    }

    @Test
    void seedingAgainChangesNothing() throws Exception {
        DemoOrganisation.seed(platform.gateway(), platform.realm(), out());
        int postsAfterFirst = platform.received("POST", "/").size();

        DemoOrganisation.seed(platform.gateway(), platform.realm(), out());

        assertThat(platform.received("POST", "/")).hasSize(postsAfterFirst);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("demo organisation: 0 created, 26 already there");
    }

    @Test
    void aDuplicateRefusedOnCreateCountsAsThere() throws Exception {
        platform.answer(
                "/api/v1/engagements",
                request -> request.method().equals("POST")
                        ? FakePlatform.Reply.of(409, "{\"detail\":\"an active engagement of brand and vendor exists\"}")
                        : FakePlatform.Reply.of(404, "{}"));

        DemoOrganisation.seed(platform.gateway(), platform.realm(), out());

        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("already there (an active engagement of brand and vendor exists)")
                .contains("demo organisation: 23 created, 3 already there");
    }

    @Test
    void aRefusalIsReportedWithWhatWasBeingCreated() {
        platform.answer(
                "/api/v1/vendors",
                request -> request.method().equals("POST")
                        ? FakePlatform.Reply.of(403, "{\"detail\":\"forbidden\"}")
                        : FakePlatform.Reply.of(404, "{}"));

        assertThatThrownBy(() -> DemoOrganisation.seed(platform.gateway(), platform.realm(), out()))
                .hasMessageContaining("creating vendor vendor-starcall failed: HTTP 403");
    }

    private PrintStream out() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    private static String subjectToken(String user) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"sub-" + user + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode body(FakePlatform.Received request) {
        try {
            return JSON.readTree(request.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + request.body(), e);
        }
    }
}

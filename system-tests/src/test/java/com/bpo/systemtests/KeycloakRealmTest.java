package com.bpo.systemtests;

import static com.bpo.systemtests.BpoRealm.CONSOLE_REDIRECT_URI;
import static com.bpo.systemtests.BpoRealm.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.infra.KeycloakEndpoint;
import com.bpo.infra.SharedServers;
import com.bpo.systemtests.BpoRealm.Pkce;
import com.bpo.systemtests.BpoRealm.Reply;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The realm file {@code deploy/keycloak/bpo-realm.json} imported into a real Keycloak: the tokens it issues carry the
 * roles and tenant claims every service relies on, and its clients allow exactly the grants they are meant for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakRealmTest {

    private static final String CLI = "bpo-cli";
    private static final String CONSOLE = "bpo-console";
    private static final Map<String, String> INTEGRATION_SECRETS = Map.of(
            "integration-zongzi", "local-only-integration-zongzi-secret",
            "integration-teahouse", "local-only-integration-teahouse-secret");

    private KeycloakEndpoint keycloak;
    private BpoRealm realm;

    @BeforeAll
    void startKeycloakWithTheRealm() {
        Path realmFile = Path.of(System.getProperty("bpo.realm-file", "bpo.realm-file is not set"));
        assertThat(realmFile).isRegularFile();
        keycloak = SharedServers.keycloak(realmFile);
        realm = new BpoRealm(URI.create(keycloak.url()));
    }

    @Test
    void brandAnalystTokenCarriesTheBrandAndNoVendorRole() {
        Reply reply = realm.passwordGrant(CLI, "zongzi-analyst", DEMO_PASSWORD);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonWebToken token = reply.accessToken();
        assertThat(token.claim("brand_id")).isEqualTo("brand-zongzi");
        assertThat(token.realmRoles())
                .contains("brand-analyst")
                .doesNotContain("vendor-admin", "vendor-supervisor", "qa-reviewer", "agent", "brand-admin");
        assertThat(token.has("vendor_id")).isFalse();
        assertThat(token.has("agent_id")).isFalse();
    }

    @Test
    void vendorSupervisorTokenCarriesTheVendorAndNoBrand() {
        Reply reply = realm.passwordGrant(CLI, "starcall-supervisor", DEMO_PASSWORD);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonWebToken token = reply.accessToken();
        assertThat(token.claim("vendor_id")).isEqualTo("vendor-starcall");
        assertThat(token.realmRoles()).contains("vendor-supervisor");
        assertThat(token.has("brand_id")).isFalse();
        assertThat(token.has("agent_id")).isFalse();
    }

    @Test
    void agentTokenCarriesTheAgentAndItsVendor() {
        Reply reply = realm.passwordGrant(CLI, "bluesea-agent-1", DEMO_PASSWORD);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonWebToken token = reply.accessToken();
        assertThat(token.claim("agent_id")).isEqualTo("agent-bluesea-1");
        assertThat(token.claim("vendor_id")).isEqualTo("vendor-bluesea");
        assertThat(token.realmRoles()).containsExactly("agent");
        assertThat(token.has("brand_id")).isFalse();
    }

    @ParameterizedTest(name = "{0} acts for {1}")
    @CsvSource({"integration-zongzi, brand-zongzi", "integration-teahouse, brand-teahouse"})
    void integrationClientTokenCarriesItsBrandAndTheIntegrationRole(String clientId, String brandId) {
        Reply reply = realm.clientCredentials(clientId, INTEGRATION_SECRETS.get(clientId));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonWebToken token = reply.accessToken();
        assertThat(token.claim("brand_id")).isEqualTo(brandId);
        assertThat(token.claim("azp")).isEqualTo(clientId);
        assertThat(token.realmRoles()).containsExactly("integration");
        assertThat(token.has("vendor_id")).isFalse();
    }

    @Test
    void integrationClientWithAWrongSecretIsRefused() {
        Reply reply = realm.clientCredentials("integration-zongzi", "local-only-integration-teahouse-secret");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.field("access_token")).isNull();
    }

    @Test
    void wrongPasswordIsRefused() {
        Reply reply = realm.passwordGrant(CLI, "zongzi-auditor", "not-" + DEMO_PASSWORD);

        // Keycloak answers invalid_grant with 400 since 26.6, as RFC 6749 section 5.2 asks (keycloak/keycloak#45812).
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.field("error")).isEqualTo("invalid_grant");
        assertThat(reply.field("access_token")).isNull();
    }

    @Test
    void consoleClientRefusesThePasswordGrant() {
        Reply reply = realm.passwordGrant(CONSOLE, "zongzi-admin", DEMO_PASSWORD);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.field("error")).isEqualTo("unauthorized_client");
        assertThat(reply.field("access_token")).isNull();
    }

    @Test
    void issuerIsTheBpoRealmUnderTheKeycloakBaseUrl() {
        String expectedIssuer = keycloak.url() + "/realms/bpo";

        Reply discovery = realm.discovery();
        Reply tokens = realm.passwordGrant(CLI, "platform-admin", DEMO_PASSWORD);

        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.field("issuer")).isEqualTo(expectedIssuer);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.accessToken().claim("iss")).isEqualTo(expectedIssuer);
    }

    @Test
    void tokensNameThePlatformAsAudienceAndLiveBetweenFiveAndFifteenMinutes() {
        Reply person = realm.passwordGrant(CLI, "starcall-admin", DEMO_PASSWORD);
        Reply system = realm.clientCredentials("integration-zongzi", INTEGRATION_SECRETS.get("integration-zongzi"));

        for (Reply reply : new Reply[] {person, system}) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.accessToken().audiences()).contains("bpo-platform");
            assertThat(reply.accessToken().lifetimeSeconds()).isBetween(300L, 900L);
            assertThat(reply.json().path("expires_in").asLong()).isBetween(300L, 900L);
        }
    }

    @Test
    void organisationClaimsReachTheIdTokenAndUserinfo() {
        Reply reply = realm.passwordGrant(CLI, "starcall-agent-2", DEMO_PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);

        JsonWebToken idToken = reply.idToken();
        Reply userinfo = realm.userinfo(reply.field("access_token"));

        assertThat(idToken.claim("vendor_id")).isEqualTo("vendor-starcall");
        assertThat(idToken.claim("agent_id")).isEqualTo("agent-starcall-2");
        assertThat(userinfo.status()).as(userinfo.body()).isEqualTo(200);
        assertThat(userinfo.field("vendor_id")).isEqualTo("vendor-starcall");
        assertThat(userinfo.field("agent_id")).isEqualTo("agent-starcall-2");
        assertThat(userinfo.field("preferred_username")).isEqualTo("starcall-agent-2");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "platform-admin,      platform-admin,    ,               ,                ",
        "zongzi-admin,        brand-admin,       brand-zongzi,   ,                ",
        "zongzi-analyst,      brand-analyst,     brand-zongzi,   ,                ",
        "zongzi-auditor,      brand-auditor,     brand-zongzi,   ,                ",
        "teahouse-admin,      brand-admin,       brand-teahouse, ,                ",
        "teahouse-analyst,    brand-analyst,     brand-teahouse, ,                ",
        "starcall-admin,      vendor-admin,      ,               vendor-starcall, ",
        "starcall-supervisor, vendor-supervisor, ,               vendor-starcall, ",
        "starcall-qa,         qa-reviewer,       ,               vendor-starcall, ",
        "starcall-agent-1,    agent,             ,               vendor-starcall, agent-starcall-1",
        "starcall-agent-2,    agent,             ,               vendor-starcall, agent-starcall-2",
        "bluesea-admin,       vendor-admin,      ,               vendor-bluesea,  ",
        "bluesea-supervisor,  vendor-supervisor, ,               vendor-bluesea,  ",
        "bluesea-qa,          qa-reviewer,       ,               vendor-bluesea,  ",
        "bluesea-agent-1,     agent,             ,               vendor-bluesea,  agent-bluesea-1",
        "bluesea-agent-2,     agent,             ,               vendor-bluesea,  agent-bluesea-2",
    })
    void everyDemoUserSignsInWithTheRoleAndClaimsOfTheDemoOrganisation(
            String username, String role, String brandId, String vendorId, String agentId) {
        Reply reply = realm.passwordGrant(CLI, username, DEMO_PASSWORD);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonWebToken token = reply.accessToken();
        assertThat(token.claim("preferred_username")).isEqualTo(username);
        assertThat(token.realmRoles()).containsExactly(role);
        assertThat(token.claim("brand_id")).isEqualTo(brandId);
        assertThat(token.claim("vendor_id")).isEqualTo(vendorId);
        assertThat(token.claim("agent_id")).isEqualTo(agentId);
        assertThat(token.claim("email")).endsWith(".example.com");
    }

    @Test
    void consoleSignsInWithAuthorizationCodeAndPkce() {
        BpoRealm.Browser browser = realm.browser();
        Pkce pkce = Pkce.create();

        Reply loginPage = browser.authorize(CONSOLE, CONSOLE_REDIRECT_URI, pkce);
        assertThat(loginPage.status()).isEqualTo(200);
        Reply afterLogin = browser.submitLogin(loginPage, "zongzi-admin", DEMO_PASSWORD);
        assertThat(afterLogin.status()).isEqualTo(302);
        assertThat(afterLogin.location()).startsWith(CONSOLE_REDIRECT_URI + "?");
        Map<String, String> callback = BpoRealm.queryOf(afterLogin.location());
        assertThat(callback).containsEntry("state", "console-state").containsKey("code");

        Reply tokens = browser.redeemCode(CONSOLE, callback.get("code"), CONSOLE_REDIRECT_URI, pkce.verifier());

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        JsonWebToken token = tokens.accessToken();
        assertThat(token.claim("azp")).isEqualTo(CONSOLE);
        assertThat(token.claim("brand_id")).isEqualTo("brand-zongzi");
        assertThat(token.realmRoles()).containsExactly("brand-admin");
    }

    @Test
    void consoleRefusesToStartASignInWithoutPkce() {
        Reply reply = realm.browser().authorize(CONSOLE, CONSOLE_REDIRECT_URI, null);

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.location()).startsWith(CONSOLE_REDIRECT_URI + "?");
        Map<String, String> callback = BpoRealm.queryOf(reply.location());
        assertThat(callback).containsEntry("error", "invalid_request").doesNotContainKey("code");
        assertThat(callback.get("error_description")).contains("code_challenge_method");
    }

    @Test
    void consoleCodeIsRefusedWithTheWrongVerifier() {
        BpoRealm.Browser browser = realm.browser();
        Reply loginPage = browser.authorize(CONSOLE, CONSOLE_REDIRECT_URI, Pkce.create());
        Reply afterLogin = browser.submitLogin(loginPage, "teahouse-admin", DEMO_PASSWORD);
        assertThat(afterLogin.status()).isEqualTo(302);
        String code = BpoRealm.queryOf(afterLogin.location()).get("code");
        assertThat(code).isNotBlank();

        Reply tokens = browser.redeemCode(
                CONSOLE, code, CONSOLE_REDIRECT_URI, Pkce.create().verifier());

        assertThat(tokens.status()).isEqualTo(400);
        assertThat(tokens.field("error")).isEqualTo("invalid_grant");
        assertThat(tokens.field("access_token")).isNull();
    }

    @Test
    void consoleRefusesARedirectUriOutsideTheLocalConsole() {
        Reply reply = realm.browser().authorize(CONSOLE, "http://console.example.com/callback", Pkce.create());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.location()).isNull();
        assertThat(reply.body()).contains("Invalid parameter: redirect_uri");
    }
}

package com.bpo.gateway.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.testing.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The gateway serves the web console, tells it where to sign in, and lets it reach Keycloak and nothing else. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class ConsoleTest {

    @Test
    void rootLeadsToTheConsole() {
        Response response = given().redirects().follow(false).get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/console/");
    }

    @Test
    void consoleWithoutTheSlashLeadsToTheConsolePage() {
        Response response = given().redirects().follow(false).get("/console");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/console/");
    }

    @Test
    void consolePageIsServedWithItsModuleScriptFromTheSameOrigin() {
        Response response = given().redirects().follow(false).get("/console/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body().asString())
                .contains("<script type=\"module\" src=\"js/main.js\"></script>")
                .doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void consoleScriptsBundlesAndLibrariesAreServedFromTheConsoleJar() {
        for (String path : List.of(
                "/console/js/main.js",
                "/console/js/dashboard.js",
                "/console/i18n/en.json",
                "/console/i18n/zh-CN.json",
                "/console/css/console.css",
                "/console/vendor/keycloak-js/keycloak.js",
                "/console/vendor/echarts/echarts.esm.min.js")) {
            assertThat(given().get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void configNamesTheRealmTheGatewayChecksTokensAgainst() {
        URI realm = URI.create(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class));

        Response response = given().get("/console/config.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.jsonPath().getString("keycloakUrl"))
                .isEqualTo(realm.getScheme() + "://" + realm.getRawAuthority());
        assertThat(response.jsonPath().getString("realm")).isEqualTo("bpo");
        assertThat(response.jsonPath().getString("clientId")).isEqualTo("bpo-console");
    }

    @Test
    void contentSecurityPolicyLetsTheConsoleReachKeycloakAndAllowsNoInlineScript() {
        URI realm = URI.create(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class));
        String keycloakOrigin = realm.getScheme() + "://" + realm.getRawAuthority();

        String policy = given().get("/console/").header("Content-Security-Policy");

        assertThat(directive(policy, "connect-src")).containsExactly("connect-src", "'self'", keycloakOrigin);
        assertThat(directive(policy, "script-src")).containsExactly("script-src", "'self'");
        assertThat(directive(policy, "frame-src")).isEmpty();
        assertThat(policy).doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'");
        // The same policy on API answers: one header for the whole origin.
        assertThat(given().get("/api/v1/brands").header("Content-Security-Policy"))
                .isEqualTo(policy);
    }

    private static List<String> directive(String policy, String name) {
        return Arrays.stream(policy.split(";"))
                .map(String::trim)
                .filter(part -> part.startsWith(name + " "))
                .findFirst()
                .map(part -> Arrays.asList(part.split("\\s+")))
                .orElse(List.of());
    }
}

package com.bpo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.testing.FakeServices;
import com.bpo.gateway.testing.GatewayTestResource;
import com.bpo.gateway.testing.InjectFakeServices;
import com.bpo.gateway.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Only tokens the platform's realm issued for the platform reach a service; the operations endpoints and the API
 * description need none.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class TokenCheckTest {

    @InjectFakeServices
    FakeServices services;

    @Test
    void requestWithoutTokenIsRefusedWithChallengeAndProblem() {
        long before = services.agent().completedRequests();

        Response response = given().post("/api/v1/brands");

        assertUnauthorized(response);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(services.agent().completedRequests()).isEqualTo(before);
    }

    @Test
    void malformedTokenIsRefused() {
        Response response = given().auth().oauth2("not-a-token").get("/api/v1/brands");

        assertUnauthorized(response);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void expiredTokenSignedByAnotherKeyIsRefused() throws Exception {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        String forged = signedJwt("{\"iss\":\"" + issuer + "\",\"aud\":\"bpo-platform\",\"azp\":\"bpo-cli\","
                + "\"sub\":\"someone\",\"iat\":" + (past - 600) + ",\"exp\":" + past
                + ",\"realm_access\":{\"roles\":[\"platform-admin\"]}}");

        Response response = given().auth().oauth2(forged).get("/api/v1/brands");

        assertUnauthorized(response);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void tokenWhoseSignatureWasTamperedWithIsRefused() {
        String token = new Tokens().user("zongzi-analyst");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("brand-analyst", "platform-admin");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertUnauthorized(given().auth().oauth2(tampered).get("/api/v1/brands"));
    }

    @Test
    void validTokensOfPeopleAndIntegrationsPass() {
        Tokens tokens = new Tokens();
        for (String token : new String[] {
            tokens.user("starcall-agent-1"), tokens.user("platform-admin"), tokens.integration("integration-zongzi")
        }) {
            given().auth().oauth2(token).get("/api/v1/brands").then().statusCode(200);
        }
    }

    @Test
    void operationsEndpointsAndTheApiDescriptionNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/api/openapi").then().statusCode(200);
    }

    @Test
    void badTokenOnOperationsEndpointsIsIgnored() {
        given().auth().oauth2("not-a-token").get("/q/health/ready").then().statusCode(200);
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:bpo:problem:unauthorized");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=\"bpo\"");
    }

    /** A well-formed RS256 JWT signed with a key of this test, not of the realm. */
    private static String signedJwt(String claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString(
                        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64.encodeToString(signature.sign());
    }
}

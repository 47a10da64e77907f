package com.bpo.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.testing.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/openapi} merges the documents of agent, analytics and reports (fixtures under
 * {@code src/test/resources/openapi}); qa has no server, ticket and audit serve no document.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class MergedOpenApiTest {

    @Test
    void eachServiceContributesOnlyThePathsItOwns() {
        Map<String, Object> paths = document().getMap("paths");

        assertThat(paths)
                .containsOnlyKeys(
                        "/api/v1/brands",
                        "/api/v1/brands/{brandId}",
                        "/api/v1/commerce/orders",
                        "/api/v1/kpis/{kpi}",
                        "/api/v1/kpis/reports/daily");
    }

    @Test
    void clashingComponentsArePrefixedWithTheirRouteAndReferencesFollow() {
        JsonPath document = document();

        assertThat(document.getMap("components.schemas"))
                .containsKeys("agent_Problem", "analytics_Problem", "Brand", "Kpi", "Money", "Report")
                .doesNotContainKey("Problem");
        assertThat(document.getString("paths.'/api/v1/brands'.get.responses.'400'.content."
                        + "'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/agent_Problem");
        assertThat(document.getString("paths.'/api/v1/kpis/{kpi}'.get.responses.'400'.content."
                        + "'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/analytics_Problem");
        assertThat(document.getString("components.schemas.Kpi.properties.amount.'$ref'"))
                .isEqualTo("#/components/schemas/Money");
        assertThat(document.getMap("components.securitySchemes")).containsOnlyKeys("SecurityScheme");
    }

    @Test
    void servicesWithoutADocumentAreListedAsUnavailable() {
        JsonPath document = document();

        List<String> unavailable = document.getList("'x-unavailable'.route");
        assertThat(unavailable).containsExactly("audit", "qa", "ticket");
        assertThat(document.getString("'x-unavailable'.find { it.route == 'qa' }.reason"))
                .isEqualTo("did not answer");
        assertThat(document.getString("'x-unavailable'.find { it.route == 'ticket' }.reason"))
                .isEqualTo("answered HTTP 404");
        assertThat(document.getString("info.title")).isEqualTo("BPO customer-service platform API");
        assertThat(document.getString("openapi")).isEqualTo("3.1.0");
    }

    private static JsonPath document() {
        return given().get("/api/openapi")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }
}

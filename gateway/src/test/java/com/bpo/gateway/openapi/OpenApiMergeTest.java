package com.bpo.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.routing.Route;
import com.bpo.gateway.routing.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergeTest {

    private static final Route TICKET =
            new Route("ticket", URI.create("http://127.0.0.1:8082"), List.of("/api/v1/tickets"));
    private static final Route QA = new Route("qa", URI.create("http://127.0.0.1:8083"), List.of("/api/v1/qa"));
    private static final Route AUDIT =
            new Route("audit", URI.create("http://127.0.0.1:8084"), List.of("/api/v1/audit"));

    private final ObjectMapper json = new ObjectMapper();
    private final OpenApiMerge merge = new OpenApiMerge(json, new RouteTable(List.of(TICKET, QA, AUDIT)));

    @Test
    void clashingComponentsAreRenamedInsideComponentsAndDeepReferencesToo() throws Exception {
        JsonNode ticket = json.readTree(
                """
                {"openapi": "3.0.3",
                 "paths": {"/api/v1/tickets": {"get": {"responses": {"200": {"content": {"application/json":
                     {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {
                     "Page": {"properties": {"items": {"type": "array"},
                                             "error": {"$ref": "#/components/schemas/Error"},
                                             "code": {"$ref": "#/components/schemas/Error/properties/code"}}},
                     "Error": {"properties": {"code": {"type": "string"}}}}}}
                """);
        JsonNode qa = json.readTree(
                """
                {"openapi": "3.0.3",
                 "paths": {"/api/v1/qa/samples": {"get": {"responses": {"200": {"content": {"application/json":
                     {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {
                     "Page": {"properties": {"items": {"type": "array"}, "next": {"type": "string"}}},
                     "Error": {"properties": {"code": {"type": "string"}}}}}}
                """);

        ObjectNode merged = merge.merge("API", "1", Map.of(TICKET, ticket, QA, qa), Map.of());

        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(names(schemas)).containsExactly("Error", "qa_Page", "ticket_Page");
        assertThat(schemas.path("ticket_Page")
                        .path("properties")
                        .path("error")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Error");
        assertThat(merged.at("/paths/~1api~1v1~1tickets/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/ticket_Page");
        assertThat(merged.at("/paths/~1api~1v1~1qa~1samples/get/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/qa_Page");
    }

    @Test
    void referenceIntoARenamedComponentFollowsIt() throws Exception {
        JsonNode ticket = json.readTree(
                """
                {"components": {"schemas": {
                    "Error": {"properties": {"code": {"type": "string"}}},
                    "Wrapper": {"properties": {"code": {"$ref": "#/components/schemas/Error/properties/code"}}}}}}
                """);
        JsonNode qa = json.readTree(
                """
                {"components": {"schemas": {"Error": {"properties": {"message": {"type": "string"}}}}}}
                """);

        ObjectNode merged = merge.merge("API", "1", Map.of(TICKET, ticket, QA, qa), Map.of());

        assertThat(merged.at("/components/schemas/Wrapper/properties/code/$ref").asText())
                .isEqualTo("#/components/schemas/ticket_Error/properties/code");
    }

    @Test
    void routesWithoutADocumentAreListedWithTheirReasonAndTheRestIsStillMerged() throws Exception {
        JsonNode ticket = json.readTree(
                """
                {"paths": {"/api/v1/tickets": {"get": {}}, "/api/v1/qa/not-mine": {"get": {}}}}
                """);

        ObjectNode merged = merge.merge(
                "API", "1", Map.of(TICKET, ticket), Map.of(QA, "did not answer", AUDIT, "answered HTTP 500"));

        assertThat(names(merged.path("paths"))).containsExactly("/api/v1/tickets");
        assertThat(merged.path("x-unavailable").toString())
                .isEqualTo("[{\"route\":\"audit\",\"reason\":\"answered HTTP 500\"},"
                        + "{\"route\":\"qa\",\"reason\":\"did not answer\"}]");
        assertThat(merged.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(merged.path("info").path("title").asText()).isEqualTo("API");
    }

    @Test
    void nothingUnavailableMeansNoExtension() throws Exception {
        ObjectNode merged = merge.merge("API", "1", Map.of(TICKET, json.readTree("{}")), Map.of());

        assertThat(merged.has("x-unavailable")).isFalse();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

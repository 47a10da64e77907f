package com.bpo.gateway.openapi;

import com.bpo.gateway.routing.Route;
import com.bpo.gateway.routing.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into one: each service contributes only the paths the route table gives it
 * (a service may describe more than it owns), and its components. A component name that two services define
 * differently is prefixed with each one's route name ({@code agent_Problem}, {@code analytics_Problem}) and that
 * service's references follow; identical definitions are kept once. Security schemes are referenced by name, not by
 * {@code $ref}, so they are never renamed: the first definition wins (every service describes the same Keycloak).
 * Routes whose document could not be fetched are listed in {@code x-unavailable}.
 */
public final class OpenApiMerge {

    private static final String SECURITY_SCHEMES = "securitySchemes";

    private final ObjectMapper json;
    private final RouteTable routes;

    public OpenApiMerge(ObjectMapper json, RouteTable routes) {
        this.json = json;
        this.routes = routes;
    }

    /**
     * @param documents the fetched document of each available route
     * @param unavailable why each other route's document is missing
     */
    public ObjectNode merge(
            String title, String version, Map<Route, JsonNode> documents, Map<Route, String> unavailable) {
        Map<Route, JsonNode> available = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
        available.putAll(documents);
        Map<Route, Map<String, String>> renames = renames(available);

        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", openApiVersion(available));
        merged.putObject("info").put("title", title).put("version", version);
        TreeMap<String, JsonNode> paths = new TreeMap<>();
        Map<String, TreeMap<String, JsonNode>> components = new TreeMap<>();
        Map<String, JsonNode> tags = new LinkedHashMap<>();

        available.forEach((route, original) -> {
            JsonNode document = rewriteRefs(original.deepCopy(), renames.get(route));
            document.path("paths").properties().forEach(path -> {
                if (routes.owner(path.getKey()).map(route::equals).orElse(false)) {
                    paths.put(path.getKey(), path.getValue());
                }
            });
            document.path("components").properties().forEach(section -> {
                TreeMap<String, JsonNode> target = components.computeIfAbsent(section.getKey(), k -> new TreeMap<>());
                section.getValue().properties().forEach(component -> {
                    String name = renames.get(route)
                            .getOrDefault(
                                    ref(section.getKey(), component.getKey()),
                                    ref(section.getKey(), component.getKey()));
                    target.putIfAbsent(name.substring(name.lastIndexOf('/') + 1), component.getValue());
                });
            });
            document.path("tags")
                    .forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
        });

        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        ObjectNode pathsNode = merged.putObject("paths");
        paths.forEach(pathsNode::set);
        if (!components.isEmpty()) {
            ObjectNode componentsNode = merged.putObject("components");
            components.forEach((section, entries) -> {
                ObjectNode sectionNode = componentsNode.putObject(section);
                entries.forEach(sectionNode::set);
            });
        }
        if (!unavailable.isEmpty()) {
            ArrayNode down = merged.putArray("x-unavailable");
            new TreeMap<String, String>(names(unavailable))
                    .forEach((route, reason) ->
                            down.addObject().put("route", route).put("reason", reason));
        }
        return merged;
    }

    /** Per route: {@code #/components/<section>/<name>} to the renamed reference, for clashing names only. */
    private static Map<Route, Map<String, String>> renames(Map<Route, JsonNode> documents) {
        Map<String, List<Map.Entry<Route, JsonNode>>> definitions = new HashMap<>();
        documents.forEach(
                (route, document) -> document.path("components").properties().forEach(section -> {
                    if (!SECURITY_SCHEMES.equals(section.getKey())) {
                        section.getValue().properties().forEach(component -> definitions
                                .computeIfAbsent(ref(section.getKey(), component.getKey()), k -> new ArrayList<>())
                                .add(Map.entry(route, component.getValue())));
                    }
                }));
        Map<Route, Map<String, String>> renames = new HashMap<>();
        documents.keySet().forEach(route -> renames.put(route, new HashMap<>()));
        definitions.forEach((ref, definers) -> {
            Set<JsonNode> distinct = new HashSet<>();
            definers.forEach(definer -> distinct.add(definer.getValue()));
            if (distinct.size() > 1) {
                int slash = ref.lastIndexOf('/');
                definers.forEach(definer -> renames.get(definer.getKey())
                        .put(
                                ref,
                                ref.substring(0, slash + 1) + definer.getKey().name() + "_"
                                        + ref.substring(slash + 1)));
            }
        });
        return renames;
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String renamed = renamed(ref.asText(), renames);
                if (renamed != null) {
                    object.put("$ref", renamed);
                }
            }
            object.properties().forEach(field -> rewriteRefs(field.getValue(), renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames));
        }
        return node;
    }

    private static String renamed(String ref, Map<String, String> renames) {
        String exact = renames.get(ref);
        if (exact != null) {
            return exact;
        }
        // A reference into a component ("#/components/schemas/Order/properties/id") follows its component.
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            if (ref.startsWith(rename.getKey() + "/")) {
                return rename.getValue() + ref.substring(rename.getKey().length());
            }
        }
        return null;
    }

    private static String openApiVersion(Map<Route, JsonNode> documents) {
        return documents.values().stream()
                .map(document -> document.path("openapi").asText(""))
                .filter(version -> !version.isEmpty())
                .findFirst()
                .orElse("3.0.3");
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }

    private static Map<String, String> names(Map<Route, String> byRoute) {
        Map<String, String> byName = new HashMap<>();
        byRoute.forEach((route, reason) -> byName.put(route.name(), reason));
        return byName;
    }
}

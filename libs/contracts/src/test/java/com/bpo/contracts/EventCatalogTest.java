package com.bpo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCatalogTest {

    private final ObjectMapper mapper = EventJson.mapper();

    static Stream<EventDefinition> definitions() {
        return EventTypes.CATALOG.stream();
    }

    private static List<String> typeConstants() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        return constants;
    }

    private JsonNode schema(EventDefinition definition) throws IOException {
        try (InputStream in = EventSchemas.class.getResourceAsStream(definition.schemaResource())) {
            assertThat(in).as(definition.schemaResource()).isNotNull();
            return mapper.readTree(in);
        }
    }

    @Test
    void catalogHoldsEveryTypeConstantExactlyOnce() throws IllegalAccessException {
        assertThat(EventTypes.CATALOG)
                .extracting(EventDefinition::type)
                .containsExactlyInAnyOrderElementsOf(typeConstants())
                .doesNotHaveDuplicates();
        assertThat(EventTypes.CATALOG).extracting(EventDefinition::payloadType).doesNotHaveDuplicates();
    }

    @Test
    void everyTypeFollowsTheNamingConvention() throws IllegalAccessException {
        assertThat(typeConstants()).allMatch(type -> type.matches("bpo\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*"));
    }

    @Test
    void everyTypeIsPublishedToAnEventTopicOfItsArea() {
        List<String> topics = Topics.ALL.stream().map(Topics.TopicSpec::name).toList();

        assertThat(EventTypes.CATALOG).allSatisfy(definition -> {
            assertThat(topics).contains(definition.topic());
            String area = definition.type().split("\\.")[1];
            assertThat(definition.topic()).startsWith(area.equals("pii") ? "pii-access" : area);
        });
        assertThat(EventTypes.onTopic(Topics.ORG_EVENTS)).hasSize(6);
        assertThat(EventTypes.onTopic(Topics.QA_EVENTS)).hasSize(1);
    }

    @Test
    void everySchemaFileBelongsToACatalogType() throws IOException, URISyntaxException {
        Path folder = Path.of(
                EventSchemas.class.getResource(EventDefinition.SCHEMA_FOLDER).toURI());
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(path -> path.getFileName().toString()).toList();
        }

        assertThat(files)
                .containsExactlyInAnyOrderElementsOf(EventTypes.CATALOG.stream()
                        .map(definition -> definition.type() + ".json")
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void schemaIsDraft202012AndTitledWithItsType(EventDefinition definition) throws IOException {
        JsonNode schema = schema(definition);

        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("title").asText()).isEqualTo(definition.type());
        assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void schemaDescribesExactlyTheFieldsOfTheRecord(EventDefinition definition) throws IOException {
        List<String> mismatches = new ArrayList<>();

        compare(definition.payloadType(), schema(definition), "$", mismatches);

        assertThat(mismatches).isEmpty();
    }

    /** Compares record components with schema properties, descending into nested records and lists of records. */
    private static void compare(Class<?> recordType, JsonNode schema, String path, List<String> mismatches) {
        Set<String> properties = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = new HashSet<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            components.add(component.getName());
            JsonNode property = schema.path("properties").path(component.getName());
            Class<?> nested = nestedRecord(component);
            if (nested != null && !property.isMissingNode()) {
                compare(
                        nested,
                        property.has("items") ? property.get("items") : property,
                        path + "." + component.getName(),
                        mismatches);
            }
        }
        if (!properties.equals(components)) {
            mismatches.add(path + ": schema " + properties + " but record " + components);
        }
        for (JsonNode required : schema.path("required")) {
            if (!properties.contains(required.asText())) {
                mismatches.add(path + ": required " + required.asText() + " is not a property");
            }
        }
    }

    private static Class<?> nestedRecord(RecordComponent component) {
        if (component.getType().isRecord()) {
            return component.getType();
        }
        if (component.getType() == List.class && component.getGenericType() instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                return elementClass;
            }
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void definitionIsFoundByTypeAndByPayload(EventDefinition definition) {
        assertThat(EventTypes.definition(definition.type())).isSameAs(definition);
        assertThat(EventTypes.definitionOf(definition.payloadType())).isSameAs(definition);
        assertThat(definition.schemaResource()).isEqualTo("/com/bpo/contracts/schemas/" + definition.type() + ".json");
    }

    @Test
    void unknownTypeIsNotFound() {
        assertThat(EventTypes.find("bpo.chat.message-sent.v2")).isEmpty();
        assertThat(EventTypes.find(null)).isEmpty();
        assertThatThrownBy(() -> EventTypes.definition("bpo.chat.message-sent.v2"))
                .hasMessageContaining("bpo.chat.message-sent.v2");
    }

    @Test
    void asyncApiDocumentListsEveryTypeOnItsTopicWithItsSchema() throws IOException, IllegalAccessException {
        JsonNode asyncApi;
        try (InputStream in = EventSchemas.class.getResourceAsStream("/asyncapi.yaml")) {
            asyncApi = new YAMLMapper().readTree(in);
        }
        assertThat(asyncApi.get("asyncapi").asText()).isEqualTo("3.0.0");

        List<String> documented = new ArrayList<>();
        asyncApi.get("channels").forEach(channel -> {
            String topic = channel.get("address").asText();
            channel.get("messages").forEach(reference -> {
                String messageId = reference.get("$ref").asText().replace("#/components/messages/", "");
                JsonNode message = asyncApi.at("/components/messages/" + messageId);
                String type = message.get("name").asText();
                EventDefinition definition = EventTypes.definition(type);
                assertThat(topic).as(type).isEqualTo(definition.topic());
                assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("." + definition.schemaResource());
                assertThat(message.at("/headers/allOf/1/properties/ce_type/const")
                                .asText())
                        .isEqualTo(type);
                documented.add(type);
            });
        });

        assertThat(documented).containsExactlyInAnyOrderElementsOf(typeConstants());
    }

    @Test
    void asyncApiDocumentDescribesEveryTopicAsCreated() throws IOException {
        JsonNode asyncApi;
        try (InputStream in = EventSchemas.class.getResourceAsStream("/asyncapi.yaml")) {
            asyncApi = new YAMLMapper().readTree(in);
        }
        List<Topics.TopicSpec> documented = new ArrayList<>();
        for (JsonNode channel : asyncApi.get("channels")) {
            JsonNode kafka = channel.at("/bindings/kafka");
            List<String> cleanupPolicies = new ArrayList<>();
            kafka.at("/topicConfiguration/cleanup.policy").forEach(policy -> cleanupPolicies.add(policy.asText()));
            documented.add(new Topics.TopicSpec(
                    channel.get("address").asText(),
                    kafka.get("partitions").asInt(),
                    cleanupPolicies.contains("compact")));
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }
}

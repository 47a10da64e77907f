package com.bpo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.commerce.OrderStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemasTest {

    private final ObjectMapper mapper = EventJson.mapper();

    static Stream<String> types() {
        return EventTypes.CATALOG.stream().map(EventDefinition::type);
    }

    /** Every required property of every schema, including those of nested objects, as (type, JSON pointer). */
    static Stream<Arguments> requiredFields() throws IOException {
        List<Arguments> fields = new ArrayList<>();
        ObjectMapper mapper = EventJson.mapper();
        for (EventDefinition definition : EventTypes.CATALOG) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(definition.schemaResource())) {
                collectRequired(definition.type(), mapper.readTree(in), "", fields);
            }
        }
        return fields.stream();
    }

    private static void collectRequired(String type, JsonNode schema, String pointer, List<Arguments> into) {
        for (JsonNode name : schema.path("required")) {
            into.add(Arguments.of(type, pointer + "/" + name.asText()));
        }
        schema.path("properties").properties().forEach(property -> {
            if (property.getValue().path("type").asText().equals("object")) {
                collectRequired(type, property.getValue(), pointer + "/" + property.getKey(), into);
            }
        });
    }

    private JsonNode sampleJson(String type) {
        return mapper.valueToTree(EventSamples.of(type));
    }

    private List<String> validateChanged(String type, Consumer<ObjectNode> change) {
        ObjectNode json = (ObjectNode) sampleJson(type);
        change.accept(json);
        return EventSchemas.validate(type, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleOfEveryTypeIsValid(String type) {
        byte[] json = EventJson.toBytes(EventSamples.of(type));

        assertThat(EventSchemas.validate(type, json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void validTreeBindsToTheRecordTheBytesGive(String type) {
        byte[] json = EventJson.toBytes(EventSamples.of(type));
        Class<? extends EventPayload> payloadType = EventTypes.definition(type).payloadType();

        JsonNode tree = EventSchemas.requireValidTree(type, json);

        assertThat(EventJson.fromTree(tree, payloadType)).isEqualTo(EventJson.fromBytes(json, payloadType));
    }

    @Test
    void requireValidTreeNamesTheOffendingField() {
        ObjectNode json = (ObjectNode) sampleJson(EventTypes.MESSAGE_SENT);
        json.put("sentAt", "yesterday");

        assertThatThrownBy(() -> EventSchemas.requireValidTree(
                        EventTypes.MESSAGE_SENT, json.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sentAt");
    }

    @Test
    void requireValidTreeRefusesWhatIsNotJson() {
        assertThatThrownBy(() -> EventSchemas.requireValidTree(
                        EventTypes.MESSAGE_SENT, "{\"messageId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$: not JSON");
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleRoundTripsToAnEqualRecord(String type) {
        EventPayload sample = EventSamples.of(type);

        EventPayload read = EventJson.fromBytes(
                EventJson.toBytes(sample), EventTypes.definition(type).payloadType());

        assertThat(read).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void missingRequiredFieldIsRejectedNamingIt(String type, String pointer) {
        int cut = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, cut);
        String field = pointer.substring(cut + 1);

        List<String> errors = validateChanged(type, json -> ((ObjectNode) json.at(parent)).remove(field));

        assertThat(errors).anySatisfy(error -> assertThat(error).contains("'" + field + "'"));
    }

    @ParameterizedTest
    @MethodSource("types")
    void unknownFieldsAreAllowedSoThatChangesCanBeAdditive(String type) {
        assertThat(validateChanged(type, json -> json.put("addedInALaterVersion", 1)))
                .isEmpty();
    }

    @Test
    void unknownSenderIsRejected() {
        List<String> errors = validateChanged(EventTypes.MESSAGE_SENT, json -> json.put("sender", "CUSTOMER_SERVICE"));

        assertThat(errors).singleElement().asString().startsWith("$.sender");
    }

    @Test
    void unknownPlatformIsRejected() {
        List<String> errors = validateChanged(EventTypes.SHOP_CHANGED, json -> json.put("platform", "AMAZON"));

        assertThat(errors).singleElement().asString().startsWith("$.platform");
    }

    @Test
    void ratingScoreOutsideOneToFiveIsRejected() {
        assertThat(validateChanged(EventTypes.RATING_RECEIVED, json -> json.put("itemScore", 6)))
                .singleElement()
                .asString()
                .startsWith("$.itemScore");
        assertThat(validateChanged(EventTypes.RATING_RECEIVED, json -> json.put("logisticsScore", 0)))
                .singleElement()
                .asString()
                .startsWith("$.logisticsScore");
    }

    @Test
    void negativeEvaluationScoreIsRejected() {
        assertThat(validateChanged(EventTypes.EVALUATION_COMPLETED, json -> json.put("score", new BigDecimal("-0.5"))))
                .singleElement()
                .asString()
                .startsWith("$.score");
    }

    @Test
    void conversionWindowBeyondFourteenDaysIsRejected() {
        List<String> errors =
                validateChanged(EventTypes.ENGAGEMENT_CHANGED, json -> ((ObjectNode) json.get("kpiVariants"))
                        .put("conversionWindowDays", 15));

        assertThat(errors).singleElement().asString().startsWith("$.kpiVariants.conversionWindowDays");
    }

    @Test
    void amountWithADoubleRoundingArtefactIsRejected() {
        double summedAsDoubles = 0.1 + 0.2;

        List<String> errors =
                validateChanged(EventTypes.ORDER_CHANGED, json -> json.put("amount", Double.toString(summedAsDoubles)));

        assertThat(Double.toString(summedAsDoubles)).isEqualTo("0.30000000000000004");
        assertThat(errors).singleElement().asString().startsWith("$.amount");
    }

    @Test
    void amountAsAJsonNumberIsRejected() {
        assertThat(validateChanged(EventTypes.ORDER_CHANGED, json -> json.put("amount", 268.0)))
                .singleElement()
                .asString()
                .startsWith("$.amount");
    }

    @Test
    void amountSummedAsDecimalsStaysExact() {
        OrderChanged order = new OrderChanged(
                "order-2",
                EventSamples.BRAND,
                EventSamples.SHOP,
                EventSamples.CUSTOMER,
                OrderStatus.PLACED,
                EventSamples.T0,
                EventSamples.T0,
                new BigDecimal("0.1").add(new BigDecimal("0.2")),
                "CNY");

        JsonNode json = mapper.valueToTree(order);

        assertThat(json.get("amount").isTextual()).isTrue();
        assertThat(json.get("amount").asText()).isEqualTo("0.3");
        assertThat(EventSchemas.validate(order)).isEmpty();
    }

    @Test
    void timeWithAnOffsetOtherThanUtcIsRejected() {
        assertThat(validateChanged(EventTypes.MESSAGE_SENT, json -> json.put("sentAt", "2026-06-19T10:00:12+08:00")))
                .singleElement()
                .asString()
                .startsWith("$.sentAt");
    }

    @Test
    void impossibleDateIsRejected() {
        assertThat(validateChanged(EventTypes.CALL_ENDED, json -> json.put("offeredAt", "2026-02-30T00:00:00Z")))
                .isNotEmpty()
                .allSatisfy(error -> assertThat(error).startsWith("$.offeredAt"));
    }

    @Test
    void malformedAlertWindowIsRejected() {
        assertThat(validateChanged(EventTypes.ALERT_RAISED, json -> json.put("window", "1 hour")))
                .singleElement()
                .asString()
                .startsWith("$.window");
    }

    @Test
    void explicitNullForAnOptionalFieldIsAccepted() {
        assertThat(validateChanged(EventTypes.CALL_ENDED, json -> json.putNull("answeredAt")))
                .isEmpty();
    }

    @Test
    void nullForARequiredFieldIsRejected() {
        assertThat(validateChanged(EventTypes.CALL_ENDED, json -> json.putNull("brandId")))
                .singleElement()
                .asString()
                .startsWith("$.brandId");
    }

    @Test
    void unknownTypeIsAnError() {
        assertThat(EventSchemas.validate("bpo.chat.message-sent.v9", "{}".getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .asString()
                .contains("unknown event type");
    }

    @Test
    void payloadThatIsNotJsonIsAnError() {
        assertThat(EventSchemas.validate(EventTypes.MESSAGE_SENT, "not json".getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .asString()
                .startsWith("$: not JSON");
    }

    @Test
    void requireValidThrowsWithEveryError() {
        ObjectNode json = (ObjectNode) sampleJson(EventTypes.RATING_RECEIVED);
        json.remove("brandId");
        json.put("serviceScore", 9);
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventSchemas.requireValid(EventTypes.RATING_RECEIVED, bytes))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.type()).isEqualTo(EventTypes.RATING_RECEIVED);
                    assertThat(e.errors()).hasSize(2);
                    assertThat(e.getMessage()).contains("brandId", "$.serviceScore");
                });
    }

    @Test
    void requireValidAcceptsAValidRecord() {
        EventPayload sample = EventSamples.of(EventTypes.PII_ACCESSED);

        EventSchemas.requireValid(sample);

        assertThat(EventSchemas.validate(sample)).isEmpty();
    }
}

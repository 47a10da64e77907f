package com.bpo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.audit.AlertRaised;
import com.bpo.contracts.call.CallEnded;
import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.SlaTargets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final ObjectMapper mapper = EventJson.mapper();

    @Test
    void instantsAreIsoStringsInUtc() {
        JsonNode json = mapper.valueToTree(EventSamples.of(EventTypes.MESSAGE_SENT));

        assertThat(json.get("sentAt").asText()).isEqualTo("2026-06-19T02:00:12Z");
    }

    @Test
    void instantWithAnOffsetIsReadAsTheSameInstant() {
        ObjectNode json = mapper.valueToTree(EventSamples.of(EventTypes.CALL_ENDED));
        json.put("offeredAt", "2026-06-19T10:00:00+08:00");

        CallEnded call = EventJson.fromBytes(json.toString().getBytes(StandardCharsets.UTF_8), CallEnded.class);

        assertThat(call.offeredAt()).isEqualTo(Instant.parse("2026-06-19T02:00:00Z"));
    }

    @Test
    void treeWithAnOffsetAndAnExactAmountBindsLikeTheBytes() throws Exception {
        ObjectNode json = mapper.valueToTree(EventSamples.of(EventTypes.ORDER_CHANGED));
        json.put("at", "2026-06-19T10:00:00.123456789+08:00");
        json.put("amount", "12345678901234567890.10");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);

        OrderChanged fromTree = EventJson.fromTree(mapper.readTree(bytes), OrderChanged.class);

        assertThat(fromTree).isEqualTo(EventJson.fromBytes(bytes, OrderChanged.class));
        assertThat(fromTree.at()).isEqualTo(Instant.parse("2026-06-19T02:00:00.123456789Z"));
        assertThat(fromTree.amount()).isEqualByComparingTo("12345678901234567890.10");
    }

    @Test
    void treeOfTheWrongShapeIsReportedAsABadArgument() {
        ObjectNode json = mapper.valueToTree(EventSamples.of(EventTypes.CALL_ENDED));
        json.put("holdSeconds", "long");

        assertThatThrownBy(() -> EventJson.fromTree(json, CallEnded.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CallEnded");
    }

    @Test
    void durationsAreIsoStrings() {
        AlertRaised alert = (AlertRaised) EventSamples.of(EventTypes.ALERT_RAISED);

        assertThat(mapper.<JsonNode>valueToTree(alert).get("window").asText()).isEqualTo("PT1H");
    }

    @Test
    void amountIsWrittenExactlyAndPlain() {
        OrderChanged order = (OrderChanged) EventSamples.of(EventTypes.ORDER_CHANGED);
        OrderChanged big = new OrderChanged(
                order.orderId(),
                order.brandId(),
                order.shopId(),
                order.customerId(),
                order.status(),
                order.placedAt(),
                order.at(),
                new BigDecimal("1E+3"),
                order.currency());
        OrderChanged beyondDouble = new OrderChanged(
                order.orderId(),
                order.brandId(),
                order.shopId(),
                order.customerId(),
                order.status(),
                order.placedAt(),
                order.at(),
                new BigDecimal("12345678901234.99"),
                order.currency());

        assertThat(mapper.<JsonNode>valueToTree(order).get("amount").asText()).isEqualTo("268.00");
        assertThat(mapper.<JsonNode>valueToTree(big).get("amount").asText()).isEqualTo("1000");
        assertThat(new String(EventJson.toBytes(big), StandardCharsets.UTF_8)).contains("\"amount\":\"1000\"");
        assertThat(EventJson.fromBytes(EventJson.toBytes(beyondDouble), OrderChanged.class)
                        .amount())
                .isEqualTo(new BigDecimal("12345678901234.99"));
        assertThat(new BigDecimal(Double.parseDouble("12345678901234.99"))).isNotEqualTo(beyondDouble.amount());
    }

    @Test
    void decimalNumbersAreReadExactlyIntoATree() throws Exception {
        JsonNode json = mapper.readTree("{\"score\": 87.10}");

        assertThat(json.get("score").decimalValue()).isEqualTo(new BigDecimal("87.10"));
    }

    @Test
    void absentOptionalFieldsAreLeftOut() {
        JsonNode json = mapper.valueToTree(EventSamples.of(EventTypes.CALL_ENDED));

        assertThat(json.has("shopId")).isFalse();
        assertThat(json.has("callbackOf")).isFalse();
        assertThat(json.has("agentId")).isTrue();
    }

    @Test
    void keyIsNotPartOfThePayload() {
        JsonNode json = mapper.valueToTree(EventSamples.of(EventTypes.ENGAGEMENT_CHANGED));

        assertThat(json.has("key")).isFalse();
    }

    @Test
    void unknownFieldsAreIgnoredOnRead() {
        ObjectNode json = mapper.valueToTree(EventSamples.of(EventTypes.CALL_ENDED));
        json.put("addedInALaterVersion", "x");

        CallEnded call = EventJson.fromBytes(json.toString().getBytes(StandardCharsets.UTF_8), CallEnded.class);

        assertThat(call).isEqualTo(EventSamples.of(EventTypes.CALL_ENDED));
    }

    @Test
    void missingKpiVariantsReadAsTheDefaults() {
        ObjectNode json = mapper.valueToTree(EventSamples.of(EventTypes.ENGAGEMENT_CHANGED));
        ((ObjectNode) json.get("kpiVariants")).remove("conversionWindowDays");
        json.remove("slaTargets");

        EngagementChanged engagement =
                EventJson.fromBytes(json.toString().getBytes(StandardCharsets.UTF_8), EngagementChanged.class);

        assertThat(engagement.kpiVariants().conversionWindowDays()).isEqualTo(1);
        assertThat(engagement.kpiVariants().responseThresholdSeconds()).isEqualTo(30);
        assertThat(engagement.slaTargets()).isEqualTo(SlaTargets.NONE);
    }

    @Test
    void defaultKpiVariantsAreThePlatformDefinitions() {
        assertThat(KpiVariants.DEFAULTS)
                .isEqualTo(new KpiVariants(30, 1, com.bpo.contracts.org.Attribution.LAST_REPLIER, 20, 5));
    }

    @Test
    void listsOfARecordCannotBeChanged() {
        EngagementChanged engagement = (EngagementChanged) EventSamples.of(EventTypes.ENGAGEMENT_CHANGED);

        assertThatThrownBy(() -> engagement.shopIds().add("shop-x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void malformedJsonIsReportedAsABadArgument() {
        assertThatThrownBy(() -> EventJson.fromBytes("{".getBytes(StandardCharsets.UTF_8), CallEnded.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CallEnded");
    }

    @Test
    void mapperIsANewInstanceEachTime() {
        assertThat(EventJson.mapper()).isNotSameAs(EventJson.mapper());
    }
}

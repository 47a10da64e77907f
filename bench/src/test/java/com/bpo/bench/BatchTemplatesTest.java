package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SENT_AT = LoadRunner.epochMicros(Instant.parse("2026-11-23T04:00:00.999998Z"));

    private static ChatTraffic traffic(String prefix) {
        return new ChatTraffic(
                21,
                prefix,
                List.of("shop-zongzi-tmall"),
                List.of("agent-1", "agent-2"),
                Instant.parse("2026-06-18T02:00:00Z"),
                40);
    }

    private static BatchTemplates templates(boolean ndjson) {
        return BatchTemplates.write(traffic("b1-" + BatchTemplates.CYCLE_MARK), 3, 50, ndjson);
    }

    @Test
    void bodyIsAJsonArrayOfTheEndpointsRecords() throws IOException {
        BatchTemplates templates = templates(false);

        JsonNode body = JSON.readTree(templates.body(0, SENT_AT));

        assertThat(templates.contentType()).isEqualTo("application/json");
        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(50);
        JsonNode first = body.get(0);
        assertThat(first.path("messageId").asText()).isEqualTo("b1-000000-m1");
        assertThat(first.path("sender").asText()).isEqualTo("CUSTOMER");
        assertThat(first.has("agentId")).isFalse();
        assertThat(first.path("sentAt").asText()).isEqualTo("2026-11-23T04:00:00.999998Z");
        assertThat(fieldNames(first))
                .containsExactly("messageId", "conversationId", "shopId", "customerId", "sender", "sentAt", "text");
    }

    @Test
    void ndjsonBodyHasOneRecordPerLine() throws IOException {
        BatchTemplates templates = templates(true);

        String[] lines = new String(templates.body(0, SENT_AT), StandardCharsets.UTF_8).split("\n");

        assertThat(templates.contentType()).isEqualTo("application/x-ndjson");
        assertThat(lines).hasSize(50);
        for (String line : lines) {
            assertThat(JSON.readTree(line).path("messageId").asText()).startsWith("b1-000000-m");
        }
    }

    @Test
    void everySequenceNumberGetsNewMessageAndConversationIds() throws IOException {
        BatchTemplates templates = templates(false);
        Set<String> messageIds = new HashSet<>();
        Set<String> conversationsOfCycle0 = new HashSet<>();
        Set<String> conversationsOfCycle1 = new HashSet<>();

        for (long sequence = 0; sequence < 6; sequence++) {
            for (JsonNode record : JSON.readTree(templates.body(sequence, SENT_AT))) {
                assertThat(messageIds.add(record.path("messageId").asText())).isTrue();
                (sequence < 3 ? conversationsOfCycle0 : conversationsOfCycle1)
                        .add(record.path("conversationId").asText());
            }
        }

        assertThat(messageIds).hasSize(300).contains("b1-000001-m1");
        assertThat(conversationsOfCycle1).doesNotContainAnyElementsOf(conversationsOfCycle0);
    }

    @Test
    void aCycleRepeatsItsTemplateWithOnlyTheIdsChanged() {
        BatchTemplates templates = templates(false);

        String first = new String(templates.body(1, SENT_AT), StandardCharsets.UTF_8);
        String again = new String(templates.body(1, SENT_AT), StandardCharsets.UTF_8);
        String nextCycle = new String(templates.body(4, SENT_AT), StandardCharsets.UTF_8);

        assertThat(again).isEqualTo(first);
        assertThat(nextCycle).isNotEqualTo(first).isEqualTo(first.replace("b1-000000-", "b1-000001-"));
    }

    @Test
    void recordsAreStampedWithTheSendTimeOneMicrosecondApart() throws IOException {
        JsonNode body = JSON.readTree(templates(false).body(0, SENT_AT));

        assertThat(body.get(0).path("sentAt").asText()).isEqualTo("2026-11-23T04:00:00.999998Z");
        assertThat(body.get(1).path("sentAt").asText()).isEqualTo("2026-11-23T04:00:00.999999Z");
        assertThat(body.get(2).path("sentAt").asText()).isEqualTo("2026-11-23T04:00:01.000000Z");
        assertThat(body.get(49).path("sentAt").asText()).isEqualTo("2026-11-23T04:00:01.000047Z");
    }

    @Test
    void templatesKeepTheTrafficsOwnTimesUntilStamped() {
        String unstamped = new String(BatchTemplates.encode(traffic("b1").next(1), false), StandardCharsets.UTF_8);

        assertThat(unstamped).contains("\"sentAt\":\"2026-06-18T02:00:00.000000Z\"");
    }

    @Test
    void aPrefixWithoutTheCycleMarkIsRefused() {
        assertThatThrownBy(() -> BatchTemplates.write(traffic("b1"), 1, 10, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BatchTemplates.CYCLE_MARK);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

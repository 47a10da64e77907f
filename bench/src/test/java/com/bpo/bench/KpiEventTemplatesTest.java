package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.Topics;
import com.bpo.contracts.chat.ConversationStarted;
import com.bpo.contracts.chat.MessageSent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class KpiEventTemplatesTest {

    private static final Instant START = Instant.parse("2026-11-20T16:00:00Z");
    private static final int UNITS = 60;

    private static KpiTraffic traffic(long seed) {
        return traffic(seed, UNITS);
    }

    private static KpiTraffic traffic(long seed, int units) {
        return new KpiTraffic(
                seed,
                "t" + BatchTemplates.CYCLE_MARK,
                AnalyticsOrganisation.standard(),
                START,
                Duration.ofDays(3),
                units);
    }

    @Test
    void everyStampedRecordIsAValidCloudEventOfItsContract() {
        KpiEventTemplates templates = KpiEventTemplates.write(traffic(1), 20);

        for (long sequence = 0; sequence < 2L * templates.size(); sequence++) {
            ProducerRecord<byte[], byte[]> record = templates.record(sequence);
            EventEnvelope envelope = EventEnvelope.fromHeaders(headers(record), record.value());

            assertThat(EventTypes.definition(envelope.type()).topic()).isEqualTo(record.topic());
            assertThat(EventSchemas.validate(envelope.type(), record.value())).isEmpty();
            assertThat(envelope.time()).isNotNull();
            assertThat(envelope.subject()).isEqualTo(new String(record.key(), StandardCharsets.UTF_8));
            assertThat(envelope.brandId()).isEqualTo(AnalyticsOrganisation.BRAND);
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(BatchTemplates.CYCLE_MARK);
        }
    }

    @Test
    void everyCycleCarriesNewIdsAndTheSameTimes() {
        KpiEventTemplates templates = KpiEventTemplates.write(traffic(1), 20);
        Set<String> eventIds = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        int messages = 0;

        for (long sequence = 0; sequence < 3L * templates.size(); sequence++) {
            ProducerRecord<byte[], byte[]> record = templates.record(sequence);
            EventEnvelope envelope = EventEnvelope.fromHeaders(headers(record), record.value());
            assertThat(eventIds.add(envelope.id()))
                    .as("event id of record %d", sequence)
                    .isTrue();
            if (envelope.type().equals(EventTypes.MESSAGE_SENT)) {
                messages++;
                messageIds.add(
                        EventJson.fromBytes(record.value(), MessageSent.class).messageId());
            }
        }
        MessageSent first = EventJson.fromBytes(messageOf(templates, 0), MessageSent.class);
        MessageSent again = EventJson.fromBytes(messageOf(templates, 1), MessageSent.class);

        assertThat(messageIds).hasSize(messages);
        assertThat(again.messageId()).isNotEqualTo(first.messageId());
        assertThat(again.conversationId()).isNotEqualTo(first.conversationId());
        assertThat(again.customerId()).isNotEqualTo(first.customerId());
        assertThat(again.sentAt()).isEqualTo(first.sentAt());
    }

    @Test
    void theMixCoversTheSixTopicsTheKpiEngineReads() {
        // Complaints and callbacks come with 2 % of the contacts: enough contacts that each kind occurs.
        KpiEventTemplates templates = KpiEventTemplates.write(traffic(1, 1_000), 100);

        Map<String, Long> perTopic = templates.recordsPerTopic(10L * templates.size() + 7);

        assertThat(perTopic.keySet()).containsExactlyInAnyOrderElementsOf(Topics.KPI_SOURCES);
        assertThat(perTopic.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10L * templates.size() + 7);
        Map<String, Long> perType = templates.templatesPerType();
        assertThat(perType.get(EventTypes.MESSAGE_SENT))
                .isGreaterThan(perType.get(EventTypes.CONVERSATION_STARTED) * 4);
        assertThat(perType.get(EventTypes.CONVERSATION_CLOSED)).isEqualTo(1_000);
    }

    @Test
    void contactsAreInterleavedAsOnABusyPlatform() {
        KpiEventTemplates templates = KpiEventTemplates.write(traffic(1), 20);
        Set<String> conversations = new HashSet<>();

        for (int i = 0; i < 20; i++) {
            KpiEventTemplates.Template template = templates.template(i);
            assertThat(template.type()).isEqualTo(EventTypes.CONVERSATION_STARTED);
            conversations.add(EventJson.fromBytes(template.value(), ConversationStarted.class)
                    .conversationId());
        }

        assertThat(conversations).hasSize(20);
    }

    @Test
    void theSameSeedGivesTheSameEventsAndContactsSpreadOverTheSpan() {
        KpiTraffic traffic = traffic(5);

        assertThat(traffic.unit(3)).isEqualTo(traffic(5).unit(3));
        assertThat(traffic.unit(3)).isNotEqualTo(traffic(6).unit(3));
        Instant firstStart = ((ConversationStarted) traffic.unit(0).get(0)).startedAt();
        Instant lastStart = ((ConversationStarted) traffic.unit(UNITS - 1).get(0)).startedAt();
        assertThat(firstStart).isBetween(START, START.plus(Duration.ofMinutes(1)));
        assertThat(lastStart).isAfter(START.plus(Duration.ofDays(3)).minus(Duration.ofHours(2)));
    }

    @Test
    void anIdPrefixWithoutTheCycleMarkIsRefused() {
        assertThatThrownBy(() ->
                        new KpiTraffic(1, "plain", AnalyticsOrganisation.standard(), START, Duration.ofDays(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOrganisationsEventsFollowTheirContracts() {
        List<com.bpo.contracts.EventPayload> events =
                AnalyticsOrganisation.standard().events();

        assertThat(events)
                .allSatisfy(event -> assertThat(EventSchemas.validate(event)).isEmpty());
        assertThat(events).hasSize(2 + 4 + 2 + 4 + 40 + 3);
    }

    private static byte[] messageOf(KpiEventTemplates templates, long cycle) {
        for (int i = 0; i < templates.size(); i++) {
            if (templates.template(i).type().equals(EventTypes.MESSAGE_SENT)) {
                return templates.record(cycle * templates.size() + i).value();
            }
        }
        throw new AssertionError("no message among the templates");
    }

    private static Map<String, byte[]> headers(ProducerRecord<byte[], byte[]> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}

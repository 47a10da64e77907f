package com.bpo.bench;

import com.bpo.contracts.EventDefinition;
import com.bpo.contracts.EventEnvelope;
import com.bpo.contracts.EventIds;
import com.bpo.contracts.EventJson;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.Topics;
import com.bpo.contracts.call.CallEnded;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.contracts.chat.ConversationStarted;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.commerce.RatingReceived;
import com.bpo.contracts.complaint.ComplaintFiled;
import com.bpo.contracts.complaint.ComplaintResolved;
import com.bpo.contracts.qa.EvaluationCompleted;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Kafka records of {@link KpiTraffic}'s events prepared once, so that publishing millions of them costs a copy and a
 * few digits each instead of writing JSON: every record (key, value and the CloudEvent headers {@code ce_id} and
 * {@code ce_subject}) holds {@link BatchTemplates#CYCLE_MARK} in its ids, and {@link #record(long)} copies template
 * {@code n mod size} and writes cycle {@code n / size} there. Every record of a run therefore carries new ids; times
 * and texts repeat from cycle to cycle.
 *
 * <p>The units' events are interleaved as on a busy platform: {@code concurrent} contacts at a time, one event of each
 * in turn, so that a conversation's messages reach the consumer across several polls, not in one.
 */
final class KpiEventTemplates {

    private static final byte MARK = '~';
    private static final int DIGITS = BatchTemplates.CYCLE_DIGITS;
    private static final ObjectMapper JSON = EventJson.mapper();
    static final int SCHEMA_CHECKS_PER_TYPE = 200;

    private final List<Template> templates;

    private KpiEventTemplates(List<Template> templates) {
        this.templates = templates;
    }

    /** One prepared record and where its cycle marks are. */
    record Template(
            String topic,
            String type,
            byte[] key,
            byte[] value,
            List<String> headerNames,
            List<byte[]> headerValues,
            int[] keyMarks,
            int[] valueMarks,
            List<int[]> headerMarks) {

        Template(String topic, String type, byte[] key, byte[] value, List<String> names, List<byte[]> values) {
            this(
                    topic,
                    type,
                    key,
                    value,
                    names,
                    values,
                    markOffsets(key),
                    markOffsets(value),
                    values.stream().map(KpiEventTemplates::markOffsets).toList());
        }
    }

    /**
     * The templates of every unit of {@code traffic}. The first {@value #SCHEMA_CHECKS_PER_TYPE} payloads of each type
     * are checked against their schema (the generator writes every one the same way; the consumer checks every record
     * and dead-letters any that fails, which the report's metrics would show).
     */
    static KpiEventTemplates write(KpiTraffic traffic, int concurrent) {
        List<Template> templates = new ArrayList<>();
        Map<Class<?>, Integer> checked = new HashMap<>();
        for (int first = 0; first < traffic.units(); first += concurrent) {
            List<List<EventPayload>> group = new ArrayList<>();
            for (int unit = first; unit < Math.min(traffic.units(), first + concurrent); unit++) {
                group.add(traffic.unit(unit));
            }
            int longest = group.stream().mapToInt(List::size).max().orElse(0);
            for (int position = 0; position < longest; position++) {
                for (List<EventPayload> events : group) {
                    if (position < events.size()) {
                        EventPayload payload = events.get(position);
                        if (checked.merge(payload.getClass(), 1, Integer::sum) <= SCHEMA_CHECKS_PER_TYPE) {
                            EventSchemas.requireValid(payload);
                        }
                        templates.add(template(payload, templates.size()));
                    }
                }
            }
        }
        return new KpiEventTemplates(List.copyOf(templates));
    }

    private static Template template(EventPayload payload, int index) {
        EventDefinition definition = EventTypes.definitionOf(payload.getClass());
        byte[] json = EventJson.toBytes(payload);
        JsonNode tree = tree(json);
        String brandId = tree.path("brandId").asText(null);
        String id = EventIds.forFact(definition.type(), brandId, "bench-template-" + index);
        // The id's last digits become the cycle number: a valid UUID string, unique per template and cycle.
        return template(
                definition,
                payload.key(),
                json,
                id.substring(0, id.length() - DIGITS) + BatchTemplates.CYCLE_MARK,
                timeOf(payload),
                brandId,
                tree.path("vendorId").asText(null));
    }

    /** One event as its Kafka record, a binary-mode CloudEvent with id {@code id}; its payload checked first. */
    static Template template(EventPayload payload, String id) {
        EventSchemas.requireValid(payload);
        byte[] json = EventJson.toBytes(payload);
        JsonNode tree = tree(json);
        return template(
                EventTypes.definitionOf(payload.getClass()),
                payload.key(),
                json,
                id,
                timeOf(payload),
                tree.path("brandId").asText(null),
                tree.path("vendorId").asText(null));
    }

    private static Template template(
            EventDefinition definition,
            String key,
            byte[] json,
            String id,
            Instant time,
            String brandId,
            String vendorId) {
        EventEnvelope envelope = new EventEnvelope(
                id, definition.type(), sourceOf(definition.topic()), time, key, brandId, vendorId, json);
        Map<String, byte[]> headers = envelope.toHeaders();
        return new Template(
                definition.topic(),
                definition.type(),
                key.getBytes(StandardCharsets.UTF_8),
                json,
                List.copyOf(headers.keySet()),
                List.copyOf(headers.values()));
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back an event's JSON", e);
        }
    }

    int size() {
        return templates.size();
    }

    Template template(int index) {
        return templates.get(index);
    }

    /** The record with sequence number {@code sequence} (0, 1, 2, ...), with ids unique to it. */
    ProducerRecord<byte[], byte[]> record(long sequence) {
        Template template = templates.get((int) (sequence % templates.size()));
        long cycle = sequence / templates.size();
        if (cycle >= BatchTemplates.MAX_CYCLES) {
            throw new IllegalStateException(
                    "more than " + BatchTemplates.MAX_CYCLES + " cycles of " + templates.size() + " templates");
        }
        byte[] digits = digits(cycle);
        List<Header> headers = new ArrayList<>(template.headerNames().size());
        for (int i = 0; i < template.headerNames().size(); i++) {
            headers.add(new RecordHeader(
                    template.headerNames().get(i),
                    stamped(
                            template.headerValues().get(i),
                            template.headerMarks().get(i),
                            digits)));
        }
        return new ProducerRecord<>(
                template.topic(),
                null,
                stamped(template.key(), template.keyMarks(), digits),
                stamped(template.value(), template.valueMarks(), digits),
                headers);
    }

    /** A template without cycle marks as its record. */
    static ProducerRecord<byte[], byte[]> record(Template template) {
        List<Header> headers = new ArrayList<>(template.headerNames().size());
        for (int i = 0; i < template.headerNames().size(); i++) {
            headers.add(new RecordHeader(
                    template.headerNames().get(i), template.headerValues().get(i)));
        }
        return new ProducerRecord<>(template.topic(), null, template.key(), template.value(), headers);
    }

    /** Records per topic among the first {@code count} sequence numbers. */
    Map<String, Long> recordsPerTopic(long count) {
        Map<String, Long> perTemplateTopic = new TreeMap<>();
        long cycles = count / templates.size();
        long rest = count % templates.size();
        for (int i = 0; i < templates.size(); i++) {
            long records = cycles + (i < rest ? 1 : 0);
            perTemplateTopic.merge(templates.get(i).topic(), records, Long::sum);
        }
        return perTemplateTopic;
    }

    /** Records per event type among the templates, for the report's traffic table. */
    Map<String, Long> templatesPerType() {
        Map<String, Long> perType = new TreeMap<>();
        templates.forEach(template -> perType.merge(template.type(), 1L, Long::sum));
        return perType;
    }

    /** Average bytes of key, value and headers. */
    double averageRecordBytes() {
        long bytes = 0;
        for (Template template : templates) {
            bytes += template.key().length + template.value().length;
            for (int i = 0; i < template.headerNames().size(); i++) {
                bytes += template.headerNames().get(i).getBytes(StandardCharsets.UTF_8).length
                        + template.headerValues().get(i).length;
            }
        }
        return (double) bytes / templates.size();
    }

    private static byte[] stamped(byte[] template, int[] marks, byte[] digits) {
        if (marks.length == 0) {
            return template;
        }
        byte[] copy = Arrays.copyOf(template, template.length);
        for (int offset : marks) {
            System.arraycopy(digits, 0, copy, offset, DIGITS);
        }
        return copy;
    }

    static int[] markOffsets(byte[] bytes) {
        List<Integer> offsets = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < bytes.length; i++) {
            run = bytes[i] == MARK ? run + 1 : 0;
            if (run == DIGITS) {
                offsets.add(i - DIGITS + 1);
                run = 0;
            }
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] digits(long cycle) {
        String digits = String.valueOf(cycle);
        return ("0".repeat(DIGITS - digits.length()) + digits).getBytes(StandardCharsets.US_ASCII);
    }

    static String sourceOf(String topic) {
        return switch (topic) {
            case Topics.CHAT_EVENTS, Topics.CALL_EVENTS, Topics.ORG_EVENTS -> KpiTraffic.SOURCE_AGENT_SERVICE;
            case Topics.COMMERCE_EVENTS -> "/analytics-service";
            case Topics.COMPLAINT_EVENTS, Topics.TICKET_EVENTS -> "/ticket-service";
            case Topics.QA_EVENTS -> "/qa-service";
            default -> throw new IllegalArgumentException("no producer of " + topic + " in this benchmark");
        };
    }

    /** When the event happened: its {@code ce_time}. */
    static Instant timeOf(EventPayload payload) {
        if (payload instanceof MessageSent message) {
            return message.sentAt();
        } else if (payload instanceof ConversationStarted started) {
            return started.startedAt();
        } else if (payload instanceof ConversationClosed closed) {
            return closed.closedAt();
        } else if (payload instanceof CallEnded call) {
            return call.endedAt();
        } else if (payload instanceof OrderChanged order) {
            return order.at();
        } else if (payload instanceof RatingReceived rating) {
            return rating.ratedAt();
        } else if (payload instanceof ComplaintFiled filed) {
            return filed.filedAt();
        } else if (payload instanceof ComplaintResolved resolved) {
            return resolved.resolvedAt();
        } else if (payload instanceof CallbackScheduled scheduled) {
            return scheduled.scheduledAt();
        } else if (payload instanceof CallbackCompleted completed) {
            return completed.doneAt();
        } else if (payload instanceof EvaluationCompleted evaluation) {
            return evaluation.at();
        }
        return null;
    }
}

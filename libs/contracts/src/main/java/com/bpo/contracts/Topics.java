package com.bpo.contracts;

import java.util.ArrayList;
import java.util.List;

/** Kafka topic names of the platform and how each topic is laid out. */
public final class Topics {

    /** Current state of every brand, shop, vendor, team, agent and engagement; compacted. */
    public static final String ORG_EVENTS = "org.events";

    public static final String CHAT_EVENTS = "chat.events";
    public static final String CALL_EVENTS = "call.events";
    public static final String PII_ACCESS_EVENTS = "pii-access.events";
    public static final String COMPLAINT_EVENTS = "complaint.events";
    public static final String TICKET_EVENTS = "ticket.events";
    public static final String QA_EVENTS = "qa.events";
    public static final String AUDIT_ALERT_EVENTS = "audit-alert.events";
    public static final String COMMERCE_EVENTS = "commerce.events";

    /**
     * Internal to agent-service: the original text of chat messages whose published text was redacted, encrypted
     * with the brand's key before it leaves the service. Published next to {@code chat.events} so that a message
     * accepted by the ingestion is durable with its original text; agent-service alone reads it back.
     */
    public static final String AGENT_MESSAGE_ORIGINALS = "agent.message-originals";

    /** Suffix of the dead-letter topic that belongs to each topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static final int DEFAULT_PARTITIONS = 6;

    /** How one topic is created. */
    public record TopicSpec(String name, int partitions, boolean compacted) {

        public TopicSpec {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("topic name must not be blank");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
            }
        }
    }

    /** The event topics, without their dead-letter topics. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(ORG_EVENTS, DEFAULT_PARTITIONS, true),
            new TopicSpec(CHAT_EVENTS, DEFAULT_PARTITIONS, false),
            new TopicSpec(CALL_EVENTS, DEFAULT_PARTITIONS, false),
            new TopicSpec(PII_ACCESS_EVENTS, DEFAULT_PARTITIONS, false),
            new TopicSpec(COMPLAINT_EVENTS, DEFAULT_PARTITIONS, false),
            new TopicSpec(TICKET_EVENTS, DEFAULT_PARTITIONS, false),
            new TopicSpec(QA_EVENTS, DEFAULT_PARTITIONS, false),
            new TopicSpec(AUDIT_ALERT_EVENTS, DEFAULT_PARTITIONS, false),
            new TopicSpec(COMMERCE_EVENTS, DEFAULT_PARTITIONS, false));

    /**
     * The topics the KPI engine reads (analytics-service's {@code kpi-facts} consumer): every fact a KPI of
     * ARCHITECTURE section 5 is computed from.
     */
    public static final List<String> KPI_SOURCES =
            List.of(CHAT_EVENTS, CALL_EVENTS, COMMERCE_EVENTS, COMPLAINT_EVENTS, TICKET_EVENTS, QA_EVENTS);

    /** Topics one service writes and reads for itself; no other service consumes them, and they carry no contract. */
    public static final List<TopicSpec> INTERNAL =
            List.of(new TopicSpec(AGENT_MESSAGE_ORIGINALS, DEFAULT_PARTITIONS, false));

    /** Every topic to create: each event and internal topic followed by its dead-letter topic. */
    public static final List<TopicSpec> ALL_WITH_DEAD_LETTERS = withDeadLetters(concat(ALL, INTERNAL));

    private Topics() {}

    /** The dead-letter topic of {@code topic}, e.g. {@code chat.events.dlq}. */
    public static String deadLetterTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The spec of a topic of {@link #ALL} or {@link #INTERNAL}, or of a dead-letter topic of one. */
    public static TopicSpec spec(String name) {
        return ALL_WITH_DEAD_LETTERS.stream()
                .filter(spec -> spec.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic: " + name));
    }

    private static List<TopicSpec> concat(List<TopicSpec> first, List<TopicSpec> second) {
        List<TopicSpec> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<TopicSpec> withDeadLetters(List<TopicSpec> topics) {
        List<TopicSpec> all = new ArrayList<>();
        for (TopicSpec topic : topics) {
            all.add(topic);
            // A dead-letter topic keeps every failed record, so it is never compacted even when its source is.
            all.add(new TopicSpec(deadLetterTopic(topic.name()), topic.partitions(), false));
        }
        return List.copyOf(all);
    }
}

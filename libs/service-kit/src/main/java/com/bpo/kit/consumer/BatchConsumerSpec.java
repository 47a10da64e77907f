package com.bpo.kit.consumer;

import com.bpo.contracts.EventTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a batch consumer reads.
 *
 * @param name the consumer's stable name, e.g. {@code chat-tables}: its consumer group is
 *     {@code <quarkus.application.name>.<name>}, its offsets are stored under it, and it tags its metrics. Renaming a
 *     consumer starts it again from the beginning of its topics.
 * @param topics the topics it reads
 * @param maxBatchSize the most records one poll, and so one transaction, holds ({@code max.poll.records})
 * @param validateSchemas whether each payload is checked against the JSON Schema of its type
 *     ({@code IncomingEvents.read}); without, it is only parsed ({@link TrustedEvents#read}), which suits a topic the
 *     service itself produced and validated, and costs far less at tens of thousands of events a second
 * @param privateTypes event types outside the contracts' catalog that the effect reads, e.g. a service's own internal
 *     topic; their events reach the effect without a parsed payload. Other unknown types are skipped.
 */
public record BatchConsumerSpec(
        String name, List<String> topics, int maxBatchSize, boolean validateSchemas, Set<String> privateTypes) {

    // The name becomes part of a consumer group id, a client id and a metric tag.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public BatchConsumerSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a consumer name is lower-case letters, digits, '.', '_' and '-', up to"
                    + " 100 characters, starting with a letter or digit: '" + name + "'");
        }
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
        if (topics.isEmpty() || topics.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("consumer " + name + " needs at least one topic and no blank one");
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        privateTypes = Set.copyOf(Objects.requireNonNull(privateTypes, "privateTypes"));
        for (String type : privateTypes) {
            if (EventTypes.find(type).isPresent()) {
                throw new IllegalArgumentException(
                        type + " is in the contracts' catalog; only other types are private");
            }
        }
    }

    /** A consumer of catalog event types only. */
    public BatchConsumerSpec(String name, List<String> topics, int maxBatchSize, boolean validateSchemas) {
        this(name, topics, maxBatchSize, validateSchemas, Set.of());
    }

    /** This spec, with {@code types} handed to the effect as well (see {@link #privateTypes()}). */
    public BatchConsumerSpec withPrivateTypes(String... types) {
        return new BatchConsumerSpec(name, topics, maxBatchSize, validateSchemas, Set.copyOf(Arrays.asList(types)));
    }
}

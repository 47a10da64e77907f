package com.bpo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.Topics.TopicSpec;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyEventTopicHasTheDefaultPartitionsAndOnlyOrgEventsIsCompacted() {
        assertThat(Topics.ALL)
                .extracting(TopicSpec::name)
                .containsExactly(
                        "org.events",
                        "chat.events",
                        "call.events",
                        "pii-access.events",
                        "complaint.events",
                        "ticket.events",
                        "qa.events",
                        "audit-alert.events",
                        "commerce.events");
        assertThat(Topics.ALL).allSatisfy(spec -> assertThat(spec.partitions()).isEqualTo(6));
        assertThat(Topics.ALL)
                .filteredOn(TopicSpec::compacted)
                .extracting(TopicSpec::name)
                .containsExactly("org.events");
    }

    @Test
    void theKpiEngineReadsEventTopicsThatCarryEventsAndNotTheOrganisationTopic() {
        assertThat(Topics.KPI_SOURCES)
                .doesNotHaveDuplicates()
                .isSubsetOf(Topics.ALL.stream().map(TopicSpec::name).toList())
                .doesNotContain(Topics.ORG_EVENTS)
                .allSatisfy(topic -> assertThat(EventTypes.CATALOG)
                        .anySatisfy(definition -> assertThat(definition.topic()).isEqualTo(topic)));
    }

    @Test
    void deadLetterTopicAppendsTheSuffix() {
        assertThat(Topics.deadLetterTopic(Topics.CHAT_EVENTS)).isEqualTo("chat.events.dlq");
        assertThat(Topics.deadLetterTopic(Topics.PII_ACCESS_EVENTS)).isEqualTo("pii-access.events.dlq");
    }

    @Test
    void blankTopicHasNoDeadLetterTopic() {
        assertThatThrownBy(() -> Topics.deadLetterTopic(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topicsToCreateHoldEveryTopicAndItsUncompactedDeadLetterTopic() {
        assertThat(Topics.ALL_WITH_DEAD_LETTERS).hasSize((Topics.ALL.size() + Topics.INTERNAL.size()) * 2);
        for (TopicSpec topic : java.util.stream.Stream.concat(Topics.ALL.stream(), Topics.INTERNAL.stream())
                .toList()) {
            assertThat(Topics.ALL_WITH_DEAD_LETTERS).contains(topic);
            assertThat(Topics.ALL_WITH_DEAD_LETTERS)
                    .contains(new TopicSpec(Topics.deadLetterTopic(topic.name()), topic.partitions(), false));
        }
        assertThat(Topics.ALL_WITH_DEAD_LETTERS).extracting(TopicSpec::name).doesNotHaveDuplicates();
    }

    @Test
    void internalTopicsAreNoEventTopics() {
        assertThat(Topics.INTERNAL).extracting(TopicSpec::name).containsExactly("agent.message-originals");
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotContain("agent.message-originals");
    }

    @Test
    void specIsFoundByNameAndUnknownTopicsAreRejected() {
        assertThat(Topics.spec("org.events").compacted()).isTrue();
        assertThat(Topics.spec("org.events.dlq").compacted()).isFalse();
        assertThatThrownBy(() -> Topics.spec("orders")).hasMessageContaining("orders");
    }

    @Test
    void topicSpecRejectsNoPartitions() {
        assertThatThrownBy(() -> new TopicSpec("x.events", 0, false)).hasMessageContaining("partitions");
    }
}

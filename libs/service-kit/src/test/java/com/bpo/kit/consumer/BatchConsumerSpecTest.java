package com.bpo.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.EventTypes;
import com.bpo.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchConsumerSpecTest {

    @Test
    void consumerOfCatalogTypesHasNoPrivateTypes() {
        BatchConsumerSpec spec = new BatchConsumerSpec("chat-tables", List.of(Topics.CHAT_EVENTS), 2000, false);

        assertThat(spec.privateTypes()).isEmpty();
        assertThat(spec.withPrivateTypes("bpo.agent.message-original.v1").privateTypes())
                .containsExactly("bpo.agent.message-original.v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Chat", "chat tables", "-chat", "chat/tables", "chat,tables"})
    void namesThatCannotBeAGroupIdOrMetricTagAreRejected(String name) {
        assertThatThrownBy(() -> new BatchConsumerSpec(name, List.of(Topics.CHAT_EVENTS), 100, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @Test
    void consumerNeedsATopicAndRoomForARecord() {
        assertThatThrownBy(() -> new BatchConsumerSpec("kpis", List.of(), 100, true))
                .hasMessageContaining("at least one topic");
        assertThatThrownBy(() -> new BatchConsumerSpec("kpis", List.of(" "), 100, true))
                .hasMessageContaining("no blank one");
        assertThatThrownBy(() -> new BatchConsumerSpec("kpis", List.of(Topics.CALL_EVENTS), 0, true))
                .hasMessageContaining("maxBatchSize");
    }

    @Test
    void catalogTypeCannotBeDeclaredPrivate() {
        BatchConsumerSpec spec = new BatchConsumerSpec("chat-tables", List.of(Topics.CHAT_EVENTS), 100, false);

        assertThatThrownBy(() -> spec.withPrivateTypes(EventTypes.MESSAGE_SENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EventTypes.MESSAGE_SENT);
    }

    @Test
    void topicsAreCopied() {
        List<String> topics = new ArrayList<>(List.of(Topics.CHAT_EVENTS));
        BatchConsumerSpec spec = new BatchConsumerSpec("chat-tables", topics, 100, false);

        topics.add(Topics.CALL_EVENTS);

        assertThat(spec.topics()).containsExactly(Topics.CHAT_EVENTS);
    }
}

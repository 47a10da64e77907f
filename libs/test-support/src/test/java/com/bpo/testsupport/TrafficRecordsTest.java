package com.bpo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.KpiVariants;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficRecordsTest {

    static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");

    @Test
    void aConversationsMessagesAndItsClosingFollowTheContracts() {
        List<MessageSent> messages = List.of(
                TrafficRecords.chatMessage("b1", "c1", 0, "v1", "s1", "u1", Sender.CUSTOMER, null, T0),
                TrafficRecords.chatMessage("b1", "c1", 1, "v1", "s1", "u1", Sender.BOT, null, T0.plusSeconds(1)),
                TrafficRecords.chatMessage("b1", "c1", 2, "v1", "s1", "u1", Sender.AGENT, "a1", T0.plusSeconds(20)),
                TrafficRecords.chatMessage("b1", "c1", 3, "v1", "s1", "u1", Sender.AGENT, "a2", T0.plusSeconds(40)),
                TrafficRecords.chatMessage("b1", "c1", 4, "v1", "s1", "u1", Sender.AGENT, "a1", T0.plusSeconds(60)));

        ConversationClosed closed =
                TrafficRecords.closedBySystem("b1", "c1", "v1", "s1", "u1", messages, T0.plusSeconds(600));

        assertThat(messages)
                .extracting(MessageSent::messageId)
                .containsExactly("c1-m00", "c1-m01", "c1-m02", "c1-m03", "c1-m04");
        assertThat(messages).allSatisfy(message -> assertThat(EventSchemas.validate(message))
                .isEmpty());
        assertThat(EventSchemas.validate(closed)).isEmpty();
        assertThat(closed.startedAt()).isEqualTo(T0);
        assertThat(closed.agentIds()).containsExactly("a1", "a2");
        assertThat(closed.lastAgentId()).isEqualTo("a2");
        assertThat(closed.customerMessages()).isEqualTo(1);
        assertThat(closed.agentMessages()).isEqualTo(3);
        assertThat(closed.botMessages()).isEqualTo(1);
    }

    @Test
    void aConversationWithoutMessagesStartsWhenItCloses() {
        ConversationClosed closed = TrafficRecords.closedBySystem("b1", "c2", "v1", "s1", "u1", List.of(), T0);

        assertThat(EventSchemas.validate(closed)).isEmpty();
        assertThat(closed.startedAt()).isEqualTo(T0);
        assertThat(closed.lastAgentId()).isNull();
    }

    @Test
    void anEngagementFollowsItsContract() {
        EngagementChanged engagement = TrafficRecords.engagement(
                "e1", "b1", "v1", List.of("s1", "s2"), ZoneId.of("Asia/Shanghai"), KpiVariants.DEFAULTS);

        assertThat(EventSchemas.validate(engagement)).isEmpty();
        assertThat(engagement.shopIds()).containsExactly("s1", "s2");
        assertThat(engagement.kpiVariants()).isEqualTo(KpiVariants.DEFAULTS);
    }
}

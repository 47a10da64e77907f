package com.bpo.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.bpo.agent.chat.ConversationFacts.Line;
import com.bpo.contracts.chat.Sender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationFactsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");

    private final List<Line> lines = new ArrayList<>();

    private void at(double seconds, Sender sender, String agentId) {
        lines.add(new Line("m-" + lines.size(), sender, agentId, T0.plusMillis(Math.round(seconds * 1000))));
    }

    @Test
    void burstsAreRunsOfCustomerMessagesAnsweredByTheNextAgentMessage() {
        at(0, Sender.CUSTOMER, null);
        at(5, Sender.CUSTOMER, null);
        at(12.9, Sender.AGENT, "a-1");
        at(20, Sender.AGENT, "a-1");
        at(60, Sender.CUSTOMER, null);
        at(100.5, Sender.AGENT, "a-2");
        at(200, Sender.CUSTOMER, null);

        ConversationFacts facts = ConversationFacts.of(lines, 30);

        assertThat(facts.bursts()).isEqualTo(3);
        assertThat(facts.answeredBursts()).isEqualTo(2);
        // 12.9 s and 40.5 s, each rounded down; only the second is over the 30 s threshold.
        assertThat(facts.totalResponseSeconds()).isEqualTo(12 + 40);
        assertThat(facts.slowBursts()).isEqualTo(1);
        assertThat(facts.firstResponseSeconds()).isEqualTo(12);
        assertThat(facts.firstCustomerMessageAt()).isEqualTo(T0);
        assertThat(facts.firstAgentReplyAt()).isEqualTo(T0.plusMillis(12_900));
        assertThat(facts.agentIds()).containsExactly("a-1", "a-2");
        assertThat(facts.lastAgentId()).isEqualTo("a-2");
        assertThat(facts.customerMessages()).isEqualTo(4);
        assertThat(facts.agentMessages()).isEqualTo(3);
        assertThat(facts.startedAt()).isEqualTo(T0);
        assertThat(facts.lastMessageAt()).isEqualTo(T0.plusSeconds(200));
    }

    @Test
    void botRepliesNeitherAnswerNorEndABurst() {
        at(0, Sender.CUSTOMER, null);
        at(1, Sender.BOT, null);
        at(2, Sender.CUSTOMER, null);
        at(45, Sender.AGENT, "a-1");

        ConversationFacts facts = ConversationFacts.of(lines, 30);

        assertThat(facts.bursts()).isEqualTo(1);
        assertThat(facts.answeredBursts()).isEqualTo(1);
        assertThat(facts.firstResponseSeconds()).isEqualTo(45);
        assertThat(facts.slowBursts()).isEqualTo(1);
        assertThat(facts.botMessages()).isEqualTo(1);
    }

    @Test
    void aResponseExactlyAtTheThresholdIsNotSlow() {
        at(0, Sender.CUSTOMER, null);
        at(30.999, Sender.AGENT, "a-1");

        assertThat(ConversationFacts.of(lines, 30).slowBursts()).isZero();
        assertThat(ConversationFacts.of(lines, 29).slowBursts()).isEqualTo(1);
    }

    @Test
    void aConversationNeverAnsweredHasNoFirstResponse() {
        at(0, Sender.CUSTOMER, null);
        at(3, Sender.BOT, null);

        ConversationFacts facts = ConversationFacts.of(lines, 30);

        assertThat(facts.firstAgentReplyAt()).isNull();
        assertThat(facts.firstResponseSeconds()).isNull();
        assertThat(facts.answeredBursts()).isZero();
        assertThat(facts.bursts()).isEqualTo(1);
        assertThat(facts.agentIds()).isEmpty();
        assertThat(facts.lastAgentId()).isNull();
    }

    @Test
    void anAgentWritingFirstIsNoReplyToAnything() {
        at(0, Sender.AGENT, "a-1");
        at(10, Sender.CUSTOMER, null);
        at(14, Sender.AGENT, "a-1");

        ConversationFacts facts = ConversationFacts.of(lines, 30);

        assertThat(facts.firstCustomerMessageAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(facts.firstResponseSeconds()).isEqualTo(4);
        assertThat(facts.bursts()).isEqualTo(1);
    }

    @Test
    void arrivalOrderDoesNotMatterOnlySentAt() {
        at(0, Sender.CUSTOMER, null);
        at(8, Sender.AGENT, "a-1");
        at(20, Sender.CUSTOMER, null);
        at(50, Sender.AGENT, "a-2");
        ConversationFacts inOrder = ConversationFacts.of(lines, 30);

        List<Line> shuffled = new ArrayList<>(lines);
        Collections.reverse(shuffled);

        assertThat(ConversationFacts.of(shuffled, 30)).isEqualTo(inOrder);
    }

    @Test
    void aConversationHasAtLeastOneMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> ConversationFacts.of(List.of(), 30));
    }
}

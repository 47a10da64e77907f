package com.bpo.analytics.kpi.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.chat.Sender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConversationFactsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");

    @Test
    void firstReplyIsTheFirstAgentMessageAfterTheFirstCustomerMessage() {
        ConversationFacts facts = ConversationFacts.of(List.of(
                message("m1", Sender.AGENT, "a0", 0),
                message("m2", Sender.CUSTOMER, null, 1_000),
                message("m3", Sender.BOT, null, 2_000),
                message("m4", Sender.AGENT, "a1", 41_999)));

        assertThat(facts.inquiryAt()).isEqualTo(T0.plusMillis(1_000));
        assertThat(facts.firstReplyAt()).isEqualTo(T0.plusMillis(41_999));
        assertThat(facts.firstResponseSeconds()).isEqualTo(40L);
        assertThat(facts.responderId()).isEqualTo("a1");
    }

    @Test
    void botMessagesNeverAnswerNorBreakABurst() {
        ConversationFacts facts = ConversationFacts.of(List.of(
                message("m1", Sender.CUSTOMER, null, 0),
                message("m2", Sender.BOT, null, 5_000),
                message("m3", Sender.CUSTOMER, null, 10_000),
                message("m4", Sender.BOT, null, 20_000)));

        assertThat(facts.inquiryAt()).isEqualTo(T0);
        assertThat(facts.firstReplyAt()).isNull();
        assertThat(facts.firstResponseSeconds()).isNull();
        assertThat(facts.responderId()).isNull();
        assertThat(facts.burstCount()).isEqualTo(1);
        assertThat(facts.burstResponses()).isEmpty();
    }

    @Test
    void burstsRunFromTheirFirstCustomerMessageToTheNextAgentMessage() {
        ConversationFacts facts = ConversationFacts.of(List.of(
                message("m1", Sender.CUSTOMER, null, 0),
                message("m2", Sender.CUSTOMER, null, 10_000),
                message("m3", Sender.AGENT, "a1", 40_500),
                message("m4", Sender.AGENT, "a1", 50_000),
                message("m5", Sender.CUSTOMER, null, 300_000),
                message("m6", Sender.AGENT, "a2", 390_000),
                message("m7", Sender.CUSTOMER, null, 600_000)));

        assertThat(facts.burstCount()).isEqualTo(3);
        assertThat(facts.burstResponses()).containsExactly(40L, 90L);
    }

    @Test
    void aConversationWithoutCustomerMessagesIsNoInquiry() {
        ConversationFacts facts = ConversationFacts.of(List.of(message("m1", Sender.AGENT, "a1", 0)));

        assertThat(facts.inquiryAt()).isNull();
        assertThat(facts.firstReplyAt()).isNull();
        assertThat(facts.burstCount()).isZero();
    }

    @Test
    void vendorShopAndCustomerAreThoseOfTheEarliestMessageTiesByMessageId() {
        ConversationFacts facts = ConversationFacts.of(List.of(
                new StoredMessage("m2", "v2", "s2", "CHAT", "u2", Sender.CUSTOMER, null, T0),
                new StoredMessage("m1", "v1", "s1", "CHAT", "u1", Sender.CUSTOMER, null, T0)));

        assertThat(facts.vendorId()).isEqualTo("v1");
        assertThat(facts.shopId()).isEqualTo("s1");
        assertThat(facts.customerId()).isEqualTo("u1");
    }

    @Test
    void theOrderMessagesArriveInDoesNotChangeTheFacts() {
        List<StoredMessage> messages = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            Sender sender = Sender.values()[random.nextInt(3)];
            messages.add(message(
                    "m" + i, sender, sender == Sender.AGENT ? "a" + random.nextInt(3) : null, random.nextInt(600_000)));
        }
        ConversationFacts expected = ConversationFacts.of(messages);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(messages, random);
            assertThat(ConversationFacts.of(messages)).isEqualTo(expected);
        }
    }

    @Test
    void aConversationHasAtLeastOneMessage() {
        assertThatThrownBy(() -> ConversationFacts.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredMessage message(String id, Sender sender, String agent, long millis) {
        return new StoredMessage(id, "v", "s", "CHAT", "u", sender, agent, T0.plusMillis(millis));
    }
}

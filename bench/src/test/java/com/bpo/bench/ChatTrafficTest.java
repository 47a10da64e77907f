package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.chat.Sender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChatTrafficTest {

    private static final Instant START = Instant.parse("2026-06-18T02:00:00Z");
    private static final List<String> SHOPS = List.of("shop-zongzi-tmall", "shop-zongzi-jd");
    private static final List<String> AGENTS = List.of("agent-1", "agent-2", "agent-3");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}");

    private static ChatTraffic traffic(long seed, int open) {
        return new ChatTraffic(seed, "run1", SHOPS, AGENTS, START, open);
    }

    @Test
    void sameSeedGivesTheSameMessages() {
        assertThat(traffic(42, 50).next(2_000)).isEqualTo(traffic(42, 50).next(2_000));
    }

    @Test
    void anotherSeedGivesOtherTraffic() {
        List<String> texts =
                traffic(42, 50).next(200).stream().map(ChatMessage::text).toList();
        List<String> otherTexts =
                traffic(43, 50).next(200).stream().map(ChatMessage::text).toList();

        assertThat(texts).isNotEqualTo(otherTexts);
    }

    @Test
    void idsAreUniqueAndCarryThePrefix() {
        List<ChatMessage> messages = traffic(1, 100).next(20_000);

        assertThat(messages).extracting(ChatMessage::messageId).doesNotHaveDuplicates();
        assertThat(messages).allSatisfy(message -> {
            assertThat(message.messageId()).startsWith("run1-m");
            assertThat(message.conversationId()).startsWith("run1-c");
            assertThat(message.shopId()).isIn(SHOPS);
        });
    }

    @Test
    void conversationsHaveTenToThirtyMessagesStartingWithTheCustomer() {
        // One conversation at a time: every conversation but the last is complete.
        Map<String, List<ChatMessage>> conversations =
                byConversation(traffic(5, 1).next(10_000));
        List<List<ChatMessage>> complete = List.copyOf(conversations.values()).subList(0, conversations.size() - 1);

        assertThat(complete).hasSizeGreaterThan(300).allSatisfy(conversation -> {
            assertThat(conversation).hasSizeBetween(ChatTraffic.MIN_MESSAGES, ChatTraffic.MAX_MESSAGES);
            assertThat(conversation.get(0).sender()).isEqualTo(Sender.CUSTOMER);
            assertThat(conversation)
                    .extracting(ChatMessage::customerId)
                    .containsOnly(conversation.get(0).customerId());
            assertThat(conversation)
                    .extracting(ChatMessage::shopId)
                    .containsOnly(conversation.get(0).shopId());
        });
    }

    @Test
    void messagesOfAConversationAreInTimeOrderAndMostlyAlternate() {
        Map<String, List<ChatMessage>> conversations =
                byConversation(traffic(9, 200).next(30_000));
        long turns = 0;
        long changes = 0;
        for (List<ChatMessage> conversation : conversations.values()) {
            for (int i = 1; i < conversation.size(); i++) {
                assertThat(conversation.get(i).sentAt())
                        .isAfter(conversation.get(i - 1).sentAt());
                turns++;
                if (conversation.get(i).sender() != conversation.get(i - 1).sender()) {
                    changes++;
                }
            }
        }

        assertThat((double) changes / turns).isBetween(0.7, 0.95);
    }

    @Test
    void conversationsInterleaveInTheStream() {
        List<ChatMessage> firstHundred = traffic(3, 200).next(100);

        assertThat(byConversation(firstHundred)).hasSizeGreaterThan(50);
    }

    @Test
    void onlyAgentMessagesNameAnAgent() {
        assertThat(traffic(11, 100).next(10_000)).allSatisfy(message -> {
            if (message.sender() == Sender.AGENT) {
                assertThat(message.agentId()).isIn(AGENTS);
            } else {
                assertThat(message.agentId()).isNull();
            }
        });
    }

    @Test
    void textsAreOneToThreeHundredBytesMixedChineseAndEnglish() {
        List<ChatMessage> messages = traffic(13, 300).next(20_000);

        assertThat(messages)
                .extracting(message -> ChatTraffic.utf8Length(message.text()))
                .allSatisfy(
                        bytes -> assertThat(bytes).isBetween(ChatTraffic.MIN_TEXT_BYTES, ChatTraffic.MAX_TEXT_BYTES));
        long chinese = messages.stream()
                .filter(message -> message.text()
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();
        assertThat((double) chinese / messages.size()).isBetween(0.5, 0.9);
    }

    @Test
    void someCustomerMessagesCarryPhoneNumbersToRedact() {
        List<ChatMessage> customerMessages = traffic(17, 300).next(20_000).stream()
                .filter(message -> message.sender() == Sender.CUSTOMER)
                .toList();
        long withMobile = customerMessages.stream()
                .filter(message -> MOBILE.matcher(message.text()).find())
                .count();

        assertThat((double) withMobile / customerMessages.size()).isBetween(0.03, 0.2);
    }

    @Test
    void trimmingKeepsWholeCharacters() {
        String trimmed = ChatTraffic.trimToBytes("粽子".repeat(100), 100);

        assertThat(ChatTraffic.utf8Length(trimmed)).isEqualTo(99);
        assertThat(trimmed).isEqualTo("粽子".repeat(16) + "粽");
    }

    private static Map<String, List<ChatMessage>> byConversation(List<ChatMessage> messages) {
        Map<String, List<ChatMessage>> conversations = new LinkedHashMap<>();
        for (ChatMessage message : messages) {
            conversations
                    .computeIfAbsent(message.conversationId(), id -> new ArrayList<>())
                    .add(message);
        }
        return conversations;
    }
}

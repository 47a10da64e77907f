package com.bpo.bench;

import com.bpo.contracts.chat.Sender;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A deterministic stream of chat messages as a brand's shops produce them: many conversations open at once, their
 * messages interleaved, each conversation 10-30 messages that start with the customer and mostly alternate between
 * customer and agent (sometimes a bot greets first, sometimes one side writes twice), in Chinese or English, 100-300
 * bytes of UTF-8 each. Some customer and agent messages carry a phone number or an address, which the service must
 * redact; some carry marketplace order ids, which it must leave alone.
 *
 * <p>The same seed, id prefix, shops, agents and start give the same messages, so runs are comparable.
 */
final class ChatTraffic {

    static final int MIN_MESSAGES = 10;
    static final int MAX_MESSAGES = 30;
    static final int MIN_TEXT_BYTES = 100;
    static final int MAX_TEXT_BYTES = 300;

    private static final int CUSTOMERS = 50_000;
    // Simulated time moves this far per message over all conversations.
    private static final long CLOCK_STEP_MILLIS = 250;

    private final SplittableRandom random;
    private final String idPrefix;
    private final List<String> shopIds;
    private final List<String> agentIds;
    private final List<Conversation> open = new ArrayList<>();
    private long clockMillis;
    private long conversations;
    private long messages;

    /**
     * @param seed the random seed
     * @param idPrefix the start of every message and conversation id, e.g. a run id
     * @param shopIds the brand's shops the conversations happen in
     * @param agentIds the agents who answer
     * @param start the sentAt of the first message
     * @param openConversations how many conversations run at the same time (their messages interleave)
     */
    ChatTraffic(
            long seed,
            String idPrefix,
            List<String> shopIds,
            List<String> agentIds,
            Instant start,
            int openConversations) {
        if (shopIds.isEmpty() || agentIds.isEmpty()) {
            throw new IllegalArgumentException("traffic needs at least one shop and one agent");
        }
        if (openConversations < 1) {
            throw new IllegalArgumentException("openConversations must be at least 1");
        }
        this.random = new SplittableRandom(seed);
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
        this.shopIds = List.copyOf(shopIds);
        this.agentIds = List.copyOf(agentIds);
        this.clockMillis = start.toEpochMilli();
        for (int i = 0; i < openConversations; i++) {
            open.add(newConversation());
        }
    }

    /** The next message of the stream. */
    ChatMessage next() {
        int index = random.nextInt(open.size());
        Conversation conversation = open.get(index);
        ChatMessage message = conversation.next();
        if (conversation.finished()) {
            open.set(index, newConversation());
        }
        clockMillis += CLOCK_STEP_MILLIS;
        return message;
    }

    /** The next {@code count} messages. */
    List<ChatMessage> next(int count) {
        List<ChatMessage> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(next());
        }
        return batch;
    }

    private Conversation newConversation() {
        conversations++;
        return new Conversation(
                idPrefix + "-c" + conversations,
                shopIds.get(random.nextInt(shopIds.size())),
                "cust-" + (1 + random.nextInt(CUSTOMERS)),
                agentIds.get(random.nextInt(agentIds.size())),
                MIN_MESSAGES + random.nextInt(MAX_MESSAGES - MIN_MESSAGES + 1),
                random.nextInt(10) < 7 ? Texts.CHINESE : Texts.ENGLISH,
                clockMillis);
    }

    /** One conversation in progress. */
    private final class Conversation {

        private final String id;
        private final String shopId;
        private final String customerId;
        private final Texts texts;
        private final int length;
        private final boolean botGreets;
        private String agentId;
        private int written;
        private Sender last;
        private long sentAtMillis;

        Conversation(String id, String shopId, String customerId, String agentId, int length, Texts texts, long start) {
            this.id = id;
            this.shopId = shopId;
            this.customerId = customerId;
            this.agentId = agentId;
            this.length = length;
            this.texts = texts;
            this.botGreets = random.nextInt(4) == 0;
            this.sentAtMillis = start;
        }

        boolean finished() {
            return written >= length;
        }

        ChatMessage next() {
            Sender sender = nextSender();
            if (written > 0) {
                // Customers wait for an answer; agents read and type before replying.
                sentAtMillis += sender == Sender.CUSTOMER
                        ? 5_000 + random.nextInt(85_000)
                        : sender == Sender.BOT ? 1_000 : 10_000 + random.nextInt(50_000);
            }
            if (sender == Sender.AGENT && random.nextInt(40) == 0) {
                // Now and then a conversation is handed over to a colleague.
                agentId = agentIds.get(random.nextInt(agentIds.size()));
            }
            written++;
            last = sender;
            messages++;
            return new ChatMessage(
                    idPrefix + "-m" + messages,
                    id,
                    shopId,
                    customerId,
                    sender,
                    sender == Sender.AGENT ? agentId : null,
                    Instant.ofEpochMilli(sentAtMillis),
                    text(sender));
        }

        private Sender nextSender() {
            if (written == 0) {
                return Sender.CUSTOMER;
            }
            if (written == 1 && botGreets) {
                return Sender.BOT;
            }
            boolean repeat = random.nextInt(5) == 0;
            if (last == Sender.CUSTOMER) {
                return repeat ? Sender.CUSTOMER : Sender.AGENT;
            }
            return repeat && last == Sender.AGENT ? Sender.AGENT : Sender.CUSTOMER;
        }

        private String text(Sender sender) {
            StringBuilder text = new StringBuilder(pick(texts.opening(sender)));
            int personalData = random.nextInt(100);
            if (sender == Sender.CUSTOMER && personalData < 15) {
                append(text, texts.withPersonalData(random));
            } else if (sender == Sender.AGENT && personalData < 4) {
                append(text, texts.withPersonalData(random));
            } else if (personalData < 20) {
                append(text, texts.withOrderId(random));
            }
            while (utf8Length(text) < MIN_TEXT_BYTES) {
                append(text, pick(texts.filler(sender)));
            }
            return trimToBytes(text.toString(), MAX_TEXT_BYTES);
        }

        private void append(StringBuilder text, String more) {
            if (texts == Texts.ENGLISH) {
                text.append(' ');
            }
            text.append(more);
        }

        private String pick(List<String> choices) {
            return choices.get(random.nextInt(choices.size()));
        }
    }

    static int utf8Length(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Cuts whole code points off the end until the UTF-8 form fits in {@code maxBytes}. */
    static String trimToBytes(String text, int maxBytes) {
        String result = text;
        while (utf8Length(result) > maxBytes) {
            result = result.substring(0, result.offsetByCodePoints(result.length(), -1));
        }
        return result.strip();
    }

    long conversationsStarted() {
        return conversations;
    }
}

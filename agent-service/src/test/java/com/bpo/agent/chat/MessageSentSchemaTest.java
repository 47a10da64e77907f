package com.bpo.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.agent.ingest.Routing;
import com.bpo.contracts.EventSchemas;
import com.bpo.contracts.EventTypes;
import com.bpo.contracts.chat.Sender;
import com.bpo.kit.messaging.Fact;
import com.bpo.kit.pii.PiiRedactor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * In production the fact publisher does not check each {@code MessageSent} against its JSON Schema (see the kit's
 * {@code FactPublisher}): the ingestion builds it only from fields Bean Validation and the routing have checked. This
 * test holds every shape of record the ingestion accepts to the schema, at the limits of its constraints.
 */
class MessageSentSchemaTest {

    private static final Routing.Serving ENGAGEMENT =
            new Routing.Serving("engagement-ci", "brand-ci", "vendor-ci", Set.of(), 30, null, null);
    private static final Routing.Route ROUTE = new Routing.Route("brand-ci", "vendor-ci", ENGAGEMENT);

    @Test
    void everyAcceptedShapeOfMessageMatchesTheMessageSentSchema() {
        List<String> problems = new ArrayList<>();
        for (ChatMessageRecord record : acceptedShapes()) {
            Fact fact = ChatIngestion.messageSent(record, ROUTE, PiiRedactor.redact(record.text()));
            List<String> errors =
                    EventSchemas.validate(EventTypes.MESSAGE_SENT, fact.event().payloadJson());
            if (!errors.isEmpty()) {
                problems.add(record.messageId() + ": " + errors);
            }
        }

        assertThat(problems).isEmpty();
    }

    private static List<ChatMessageRecord> acceptedShapes() {
        String longest = "m".repeat(128);
        OffsetDateTime shanghai = OffsetDateTime.of(2026, 6, 18, 9, 30, 12, 123_456_789, ZoneOffset.ofHours(8));
        OffsetDateTime utc = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime farWest = OffsetDateTime.of(2026, 12, 31, 23, 59, 59, 999_000_000, ZoneOffset.ofHours(-12));
        List<ChatMessageRecord> records = new ArrayList<>();
        records.add(record("m-customer", Sender.CUSTOMER, null, shanghai, "肉粽还有货吗?"));
        records.add(record("m-agent", Sender.AGENT, "agent-ci-1", utc, "有的亲"));
        records.add(record("m-bot", Sender.BOT, null, farWest, "您好,请问有什么可以帮您?"));
        records.add(record("m-empty", Sender.CUSTOMER, null, shanghai, ""));
        records.add(record("m-blank", Sender.CUSTOMER, null, shanghai, "   "));
        records.add(record("m-redacted", Sender.CUSTOMER, null, shanghai, "我的电话13812345678,寄到文三路477号"));
        records.add(record("m-longest-text", Sender.CUSTOMER, null, shanghai, "粽".repeat(20_000)));
        records.add(record("m-control", Sender.CUSTOMER, null, shanghai, "line\nbreak\t\"quoted\"\u0001"));
        records.add(new ChatMessageRecord(
                longest, longest, longest, longest, Sender.AGENT, longest, shanghai, "x", longest));
        records.add(new ChatMessageRecord("m-vendor", "c-1", "s", "u", Sender.CUSTOMER, null, utc, "hi", "vendor-ci"));
        return records;
    }

    private static ChatMessageRecord record(
            String messageId, Sender sender, String agentId, OffsetDateTime sentAt, String text) {
        return new ChatMessageRecord(
                messageId, "conv-" + messageId, "shop-ci", "customer-1", sender, agentId, sentAt, text, null);
    }
}

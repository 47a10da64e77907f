package com.bpo.agent.chat;

import com.bpo.agent.ingest.Routing;
import com.bpo.contracts.Channel;
import com.bpo.contracts.Topics;
import com.bpo.contracts.chat.ConversationStarted;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.kit.consumer.BatchConsumerSpec;
import com.bpo.kit.consumer.BatchConsumers;
import com.bpo.kit.messaging.IncomingEvent;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.outbox.OutboxWriter;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds agent-service's conversation tables from its own topics: messages, conversations and the agents who took part
 * from {@code MessageSent} on {@code chat.events}, encrypted originals from the internal originals topic. Each polled
 * batch is written with a few set-based statements, in one transaction with the batch's offsets (the kit's batch
 * consumer), so a record is applied once even when it is delivered again. A message that is stored again (the same
 * message sent twice) changes nothing: every count comes from rows that were actually inserted.
 *
 * <p>A conversation row is created with its first stored message, and that creation publishes
 * {@code ConversationStarted} through the outbox. A message that arrives after its conversation was closed marks the
 * closed facts stale; {@link ConversationClosing} publishes them again.
 */
@ApplicationScoped
public class ChatTables {

    static final String CONSUMER = "chat-tables";

    // One statement per batch for messages, originals, participants and conversations. The batch's messages are
    // distinct already (deduplicated in Java, which is cheaper than sorting them in the database).
    private static final String STORE =
            """
            with originals as (
                insert into message_original (brand_id, message_id, text_ciphertext)
                select * from unnest($12::text[], $13::text[], $14::bytea[])
                on conflict do nothing
            ), inserted as (
                insert into message (brand_id, message_id, conversation_id, vendor_id, shop_id, customer_id, sender,
                                     agent_id, sent_at, redacted_text, redacted)
                select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                     $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::boolean[])
                on conflict do nothing
                returning brand_id, conversation_id, vendor_id, shop_id, customer_id, sender, agent_id, sent_at
            ), participants as (
                insert into conversation_agent (brand_id, conversation_id, agent_id, first_message_at)
                select brand_id, conversation_id, agent_id, min(sent_at) from inserted
                where sender = 'AGENT' group by brand_id, conversation_id, agent_id
                on conflict (brand_id, conversation_id, agent_id)
                do update set first_message_at = least(conversation_agent.first_message_at, excluded.first_message_at)
            ), per_conversation as (
                select brand_id, conversation_id,
                       (array_agg(vendor_id order by sent_at))[1] as vendor_id,
                       (array_agg(shop_id order by sent_at))[1] as shop_id,
                       (array_agg(customer_id order by sent_at))[1] as customer_id,
                       min(sent_at) as first_at, max(sent_at) as last_at,
                       count(*) filter (where sender = 'CUSTOMER') as customer_messages,
                       count(*) filter (where sender = 'AGENT') as agent_messages,
                       count(*) filter (where sender = 'BOT') as bot_messages
                from inserted group by brand_id, conversation_id
            )
            insert into conversation as c (brand_id, conversation_id, vendor_id, shop_id, channel, customer_id,
                                           engagement_id, started_at, last_message_at, customer_messages,
                                           agent_messages, bot_messages, status)
            select p.brand_id, p.conversation_id, p.vendor_id, p.shop_id, 'CHAT', p.customer_id,
                   (select e.id from engagement e
                     where e.brand_id = p.brand_id and e.vendor_id = p.vendor_id and e.active),
                   p.first_at, p.last_at, p.customer_messages, p.agent_messages, p.bot_messages, 'OPEN'
            from per_conversation p
            on conflict (brand_id, conversation_id) do update set
                started_at = least(c.started_at, excluded.started_at),
                last_message_at = greatest(c.last_message_at, excluded.last_message_at),
                customer_messages = c.customer_messages + excluded.customer_messages,
                agent_messages = c.agent_messages + excluded.agent_messages,
                bot_messages = c.bot_messages + excluded.bot_messages,
                facts_stale = c.facts_stale or c.status = 'CLOSED'
            returning (xmax = 0) as created, brand_id, conversation_id, vendor_id, shop_id, customer_id, engagement_id,
                      started_at
            """;

    private final BatchConsumers consumers;
    private final OutboxWriter outbox;
    private final int maxBatchSize;

    ChatTables(
            BatchConsumers consumers,
            OutboxWriter outbox,
            @ConfigProperty(name = "bpo.chat.tables.max-batch-size", defaultValue = "5000") int maxBatchSize) {
        this.consumers = consumers;
        this.outbox = outbox;
        this.maxBatchSize = maxBatchSize;
    }

    void start(@Observes StartupEvent startup) {
        consumers.start(
                new BatchConsumerSpec(
                                CONSUMER,
                                List.of(Topics.CHAT_EVENTS, Topics.AGENT_MESSAGE_ORIGINALS),
                                maxBatchSize,
                                false)
                        .withPrivateTypes(MessageOriginal.TYPE),
                this::apply);
    }

    /** Writes one batch of events; runs inside the batch's transaction. */
    Uni<Void> apply(SqlConnection transaction, List<IncomingEvent> events) {
        Map<String, MessageSent> messages = new LinkedHashMap<>();
        Map<String, MessageOriginal> originals = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            if (event.payload() instanceof MessageSent message) {
                // A message delivered twice in one batch (a re-sent batch) is stored once, as its first delivery.
                messages.putIfAbsent(Routing.brandKey(message.brandId(), message.messageId()), message);
            } else if (MessageOriginal.TYPE.equals(event.type())) {
                MessageOriginal original =
                        MessageOriginal.fromJson(event.envelope().payload());
                originals.putIfAbsent(Routing.brandKey(original.brandId(), original.messageId()), original);
            }
            // ConversationStarted and ConversationClosed are this service's own outbox events: nothing to store.
        }
        if (messages.isEmpty() && originals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transaction
                .preparedQuery(STORE)
                .execute(parameters(List.copyOf(messages.values()), List.copyOf(originals.values())))
                .chain(rows -> {
                    List<OutgoingEvent> started = new ArrayList<>();
                    for (Row row : rows) {
                        if (row.getBoolean("created")) {
                            started.add(conversationStarted(row));
                        }
                    }
                    return outbox.enqueueAll(transaction, started).replaceWithVoid();
                });
    }

    private static Tuple parameters(List<MessageSent> messages, List<MessageOriginal> originals) {
        int size = messages.size();
        String[] brands = new String[size];
        String[] ids = new String[size];
        String[] conversations = new String[size];
        String[] vendors = new String[size];
        String[] shops = new String[size];
        String[] customers = new String[size];
        String[] senders = new String[size];
        String[] agents = new String[size];
        OffsetDateTime[] sentAt = new OffsetDateTime[size];
        String[] texts = new String[size];
        Boolean[] redacted = new Boolean[size];
        for (int i = 0; i < size; i++) {
            MessageSent message = messages.get(i);
            brands[i] = message.brandId();
            ids[i] = message.messageId();
            conversations[i] = message.conversationId();
            vendors[i] = message.vendorId();
            shops[i] = message.shopId();
            customers[i] = message.customerId();
            senders[i] = message.sender().name();
            agents[i] = message.agentId();
            sentAt[i] = OffsetDateTime.ofInstant(message.sentAt(), ZoneOffset.UTC);
            texts[i] = message.text();
            redacted[i] = message.redacted();
        }
        String[] originalBrands = new String[originals.size()];
        String[] originalIds = new String[originals.size()];
        Buffer[] ciphertexts = new Buffer[originals.size()];
        for (int i = 0; i < originals.size(); i++) {
            originalBrands[i] = originals.get(i).brandId();
            originalIds[i] = originals.get(i).messageId();
            ciphertexts[i] = Buffer.buffer(originals.get(i).textCiphertext());
        }
        return Tuple.from(List.of(
                brands,
                ids,
                conversations,
                vendors,
                shops,
                customers,
                senders,
                agents,
                sentAt,
                texts,
                redacted,
                originalBrands,
                originalIds,
                ciphertexts));
    }

    private static OutgoingEvent conversationStarted(Row row) {
        ConversationStarted started = new ConversationStarted(
                row.getString("conversation_id"),
                row.getString("brand_id"),
                row.getString("vendor_id"),
                row.getString("shop_id"),
                Channel.CHAT,
                row.getString("customer_id"),
                row.getString("engagement_id"),
                null,
                row.getOffsetDateTime("started_at").toInstant());
        return OutgoingEvent.of(started)
                .withBrand(started.brandId())
                .withVendor(started.vendorId())
                .withTime(started.startedAt());
    }
}

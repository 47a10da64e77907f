package com.bpo.agent.chat;

import com.bpo.agent.ingest.Routing;
import com.bpo.contracts.Channel;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.kit.ingest.Batch;
import com.bpo.kit.ingest.BatchLine;
import com.bpo.kit.ingest.IngestAnswer;
import com.bpo.kit.ingest.ReceivedCounters;
import com.bpo.kit.ingest.Rejection;
import com.bpo.kit.messaging.EventProducer;
import com.bpo.kit.messaging.Fact;
import com.bpo.kit.messaging.FactPublisher;
import com.bpo.kit.messaging.MessagingConfig;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.messaging.VertxContexts;
import com.bpo.kit.pii.PiiCipher;
import com.bpo.kit.pii.PiiRedactor;
import com.bpo.kit.pii.Redaction;
import com.bpo.kit.tenant.Principal;
import com.bpo.kit.tenant.TenantConnections;
import com.bpo.kit.tenant.TenantScopes;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Takes chat messages from brands' chat systems and vendors' desk tools (ARCHITECTURE section 4, facts received at
 * high volume): each record is checked and routed to its brand, vendor and engagement, its text is redacted, and it is
 * published as {@code MessageSent} on {@code chat.events}, with the original text encrypted on the internal originals
 * topic when something was redacted. The answer comes only when the broker acknowledged every record; the service's
 * own tables are built from those topics afterwards ({@link ChatTables}).
 *
 * <p>Event ids derive from brand and message id, so a batch sent again publishes the same ids and changes nothing
 * downstream; records are published again rather than skipped, so a retry after a partial failure always completes.
 */
@ApplicationScoped
public class ChatIngestion {

    private final TenantScopes scopes;
    private final TenantConnections connections;
    private final FactPublisher facts;
    private final EventProducer producer;
    private final PiiCipher cipher;
    private final String source;
    private final ReceivedCounters received;

    ChatIngestion(
            TenantScopes scopes,
            TenantConnections connections,
            FactPublisher facts,
            EventProducer producer,
            PiiCipher cipher,
            MessagingConfig messaging,
            MeterRegistry registry) {
        this.scopes = scopes;
        this.connections = connections;
        this.facts = facts;
        this.producer = producer;
        this.cipher = cipher;
        this.source = messaging.source();
        this.received = new ReceivedCounters(
                registry, "bpo.chat.messages.received", "Chat messages received through the ingestion API, by outcome");
    }

    /**
     * Checks, routes and publishes a batch; the answer counts what was accepted (durable) and rejected.
     *
     * <p>The scope and what the batch refers to are read on the caller's event loop (the reactive SQL client's
     * home); routing, redaction, encryption and serialisation, most of the request's CPU, run on a worker thread, so
     * the event loops stay free for other requests; the answer comes back on the caller's context.
     */
    public Uni<IngestAnswer> ingest(Batch<ChatMessageRecord> batch) {
        Principal principal = scopes.principal();
        return scopes.current()
                .chain(scope -> connections.inScope(scope, transaction -> lookUp(transaction, batch)))
                .chain(known -> VertxContexts.onWorker(() -> prepare(batch, known, principal)))
                .chain(this::publish);
    }

    /** The organisation facts and the stored conversations and messages a batch refers to. */
    private record Known(Routing routing, Map<String, StoredConversation> conversations, Set<String> messages) {}

    private record StoredConversation(String vendorId, String shopId) {}

    private Uni<Known> lookUp(SqlConnection transaction, Batch<ChatMessageRecord> batch) {
        return Routing.loadFor(
                        transaction, Channel.CHAT, batch.lines(), ChatMessageRecord::shopId, ChatMessageRecord::agentId)
                .chain(routing -> storedConversations(transaction, routing, batch)
                        .chain(conversations -> routing.storedIds(
                                        transaction,
                                        "message",
                                        "message_id",
                                        batch.lines(),
                                        ChatMessageRecord::shopId,
                                        ChatMessageRecord::messageId)
                                .map(messages -> new Known(routing, conversations, messages))));
    }

    /** The stored conversations of the batch, by brand key; conversation ids are unique within a brand. */
    private static Uni<Map<String, StoredConversation>> storedConversations(
            SqlConnection transaction, Routing routing, Batch<ChatMessageRecord> batch) {
        List<String> brands = new ArrayList<>();
        List<String> conversationIds = new ArrayList<>();
        for (BatchLine<ChatMessageRecord> line : batch.lines()) {
            String brandId = routing.brandOf(line.record().shopId());
            if (brandId != null) {
                brands.add(brandId);
                conversationIds.add(line.record().conversationId());
            }
        }
        return transaction
                .preparedQuery("select c.brand_id, c.conversation_id, c.vendor_id, c.shop_id from conversation c"
                        + " join unnest($1::text[], $2::text[]) as wanted(brand_id, conversation_id)"
                        + " using (brand_id, conversation_id)")
                .execute(Tuple.of(brands.toArray(String[]::new), conversationIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, StoredConversation> conversations = new HashMap<>();
                    rows.forEach(row -> conversations.put(
                            Routing.brandKey(row.getString("brand_id"), row.getString("conversation_id")),
                            new StoredConversation(row.getString("vendor_id"), row.getString("shop_id"))));
                    return conversations;
                });
    }

    /** A batch ready to send: the records of its messages and of their originals, and the answer once they are durable. */
    private record Prepared(
            List<ProducerRecord<String, byte[]>> messages,
            List<ProducerRecord<String, byte[]>> originals,
            IngestAnswer answer) {}

    private Prepared prepare(Batch<ChatMessageRecord> batch, Known known, Principal principal) {
        List<Rejection> refusals = new ArrayList<>();
        Map<String, String> vendorOfConversation = vendorsNamedInBatch(batch, known, principal);
        Set<String> seen = new HashSet<>();
        List<ProducerRecord<String, byte[]>> messages =
                new ArrayList<>(batch.lines().size());
        List<ProducerRecord<String, byte[]>> originals = new ArrayList<>();
        int duplicateCount = 0;
        for (BatchLine<ChatMessageRecord> line : batch.lines()) {
            ChatMessageRecord record = line.record();
            String refusal = senderRefusal(record);
            if (refusal != null) {
                refusals.add(Rejection.of(line.index(), "agentId", refusal));
                continue;
            }
            String brandId = known.routing().brandOf(record.shopId());
            String conversationKey = brandId == null ? null : Routing.brandKey(brandId, record.conversationId());
            StoredConversation stored =
                    conversationKey == null ? null : known.conversations().get(conversationKey);
            if (stored != null && !stored.shopId().equals(record.shopId())) {
                refusals.add(Rejection.of(
                        line.index(),
                        "shopId",
                        "conversation " + record.conversationId() + " belongs to shop " + stored.shopId()));
                continue;
            }
            Instant sentAt = record.sentAt().toInstant();
            Routing.Decision decision = known.routing()
                    .route(
                            record.shopId(),
                            record.agentId(),
                            record.vendorId(),
                            principal.vendorId(),
                            conversationKey == null ? null : vendorOfConversation.get(conversationKey),
                            sentAt);
            if (!decision.routed()) {
                refusals.add(Rejection.of(
                        line.index(),
                        decision.refusal().field(),
                        decision.refusal().message()));
                continue;
            }
            String messageKey = Routing.brandKey(brandId, record.messageId());
            if (!seen.add(messageKey)) {
                duplicateCount++;
                continue;
            }
            if (known.messages().contains(messageKey)) {
                duplicateCount++;
            }
            vendorOfConversation.putIfAbsent(conversationKey, decision.route().vendorId());
            Redaction redaction = PiiRedactor.redact(record.text());
            Fact message = messageSent(record, decision.route(), redaction);
            messages.add(facts.toRecord(message, message.eventId()));
            if (redaction.redacted()) {
                byte[] ciphertext = cipher.encrypt(brandId, MessageOriginal.TEXT_FIELD, record.text());
                originals.add(new MessageOriginal(brandId, record.messageId(), record.conversationId(), ciphertext)
                        .toRecord(source, sentAt));
            }
        }
        return new Prepared(messages, originals, IngestAnswer.of(batch.rejecting(refusals), duplicateCount));
    }

    private Uni<IngestAnswer> publish(Prepared prepared) {
        // One wait for both: the answer comes only when every message and every original is durable.
        return Uni.combine()
                .all()
                .unis(producer.sendAll(prepared.originals()), facts.publishRecords(prepared.messages()))
                .discardItems()
                .invoke(() -> received.count(prepared.answer()))
                .map(ignored -> prepared.answer());
    }

    /**
     * The vendor each conversation of the batch is served by, where the store or the batch says so: a stored
     * conversation's vendor, else the vendor of an agent or named vendor in one of the batch's records that routes.
     * Customer messages that precede the first agent message of a new conversation then go to the same vendor.
     */
    private static Map<String, String> vendorsNamedInBatch(
            Batch<ChatMessageRecord> batch, Known known, Principal principal) {
        Map<String, String> vendors = new HashMap<>();
        known.conversations().forEach((conversation, stored) -> vendors.put(conversation, stored.vendorId()));
        for (BatchLine<ChatMessageRecord> line : batch.lines()) {
            ChatMessageRecord record = line.record();
            String brandId = known.routing().brandOf(record.shopId());
            boolean namesVendor = record.agentId() != null || record.vendorId() != null;
            if (brandId == null || !namesVendor || senderRefusal(record) != null) {
                continue;
            }
            String conversation = Routing.brandKey(brandId, record.conversationId());
            Routing.Decision decision = known.routing()
                    .route(
                            record.shopId(),
                            record.agentId(),
                            record.vendorId(),
                            principal.vendorId(),
                            vendors.get(conversation),
                            record.sentAt().toInstant());
            if (decision.routed()) {
                vendors.putIfAbsent(conversation, decision.route().vendorId());
            }
        }
        return vendors;
    }

    private static String senderRefusal(ChatMessageRecord record) {
        if (record.sender() == Sender.AGENT && record.agentId() == null) {
            return "required for sender AGENT";
        }
        if (record.sender() != Sender.AGENT && record.agentId() != null) {
            return "only for sender AGENT";
        }
        return null;
    }

    /** The {@code MessageSent} fact of a routed record with its redacted text. */
    static Fact messageSent(ChatMessageRecord record, Routing.Route route, Redaction redaction) {
        MessageSent message = new MessageSent(
                record.messageId(),
                record.conversationId(),
                route.brandId(),
                route.vendorId(),
                record.shopId(),
                Channel.CHAT,
                record.customerId(),
                record.sender(),
                record.agentId(),
                record.sentAt().toInstant(),
                redaction.text(),
                redaction.redacted());
        OutgoingEvent event = OutgoingEvent.of(message)
                .withBrand(route.brandId())
                .withVendor(route.vendorId())
                .withTime(message.sentAt());
        return new Fact(event, record.messageId());
    }
}

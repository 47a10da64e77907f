package com.bpo.kit.outbox;

import com.bpo.kit.messaging.MessagingConfig;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.messaging.TransactionSessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes events to the transactional outbox ({@code kit_outbox}) in the CURRENT Hibernate Reactive transaction, so
 * that the state change and its event commit together or not at all; the {@link OutboxRelay} publishes them after
 * the commit. Call it from a {@code @WithTransaction} method, inside {@code Panache.withTransaction}, a tenant
 * transaction or {@code Mutiny.SessionFactory.withTransaction}:
 *
 * <pre>{@code
 * @WithTransaction
 * public Uni<TicketView> open(OpenTicketRequest request) {
 *     Ticket ticket = Ticket.open(request);
 *     return tickets.persist(ticket)
 *             .call(() -> outbox.enqueue(OutgoingEvent.of(ticket.opened()).withBrand(ticket.brandId)))
 *             .map(TicketView::of);
 * }
 * }</pre>
 *
 * <p>Without a transaction it fails: an event written outside the state change's transaction could survive a
 * rolled-back change, or be lost when the change commits.
 */
@ApplicationScoped
public class OutboxWriter {

    // The headers travel as text and are parsed by PostgreSQL: a parameter typed jsonb would store a JSON string.
    private static final String INSERT = "insert into kit_outbox (event_id, topic, message_key, ce_type, ce_source,"
            + " ce_subject, ce_time, brand_id, vendor_id, payload, headers)"
            + " values (:eventId, :topic, :messageKey, :type, :source, :subject, :time, :brandId, :vendorId,"
            + " :payload, cast(cast(:headers as text) as jsonb))";

    private final Mutiny.SessionFactory sessionFactory;
    private final String source;

    OutboxWriter(Mutiny.SessionFactory sessionFactory, MessagingConfig config) {
        this.sessionFactory = sessionFactory;
        this.source = config.source();
    }

    /**
     * Adds {@code event} to the outbox in the transaction open in the current Vert.x context.
     *
     * @return the event's id ({@code ce_id}), once the row is written (not yet committed)
     * @throws IllegalStateException (as the failure of the Uni) if no transaction is open
     * @throws com.bpo.contracts.InvalidEventException (as the failure of the Uni) if the payload does not match its
     *     schema; nothing is written
     */
    public Uni<String> enqueue(OutgoingEvent event) {
        return TransactionSessions.requireOpen(sessionFactory, "OutboxWriter.enqueue")
                .chain(session -> insert(session, event));
    }

    /**
     * Adds {@code event} to the outbox in the transaction of {@code session}.
     *
     * @throws IllegalStateException (as the failure of the Uni) if the session has no transaction open
     */
    public Uni<String> enqueue(Mutiny.Session session, OutgoingEvent event) {
        return Uni.createFrom().deferred(() -> {
            if (session.currentTransaction() == null) {
                return Uni.createFrom()
                        .failure(new IllegalStateException(
                                "OutboxWriter.enqueue needs the session's transaction to be open"));
            }
            return insert(session, event);
        });
    }

    // One statement for a whole batch: rows come from parallel arrays, so a thousand events cost one round trip.
    private static final String INSERT_ALL = "insert into kit_outbox (event_id, topic, message_key, ce_type, ce_source,"
            + " ce_subject, ce_time, brand_id, vendor_id, payload, headers)"
            + " select event_id, topic, message_key, ce_type, $5, ce_subject, ce_time, brand_id, vendor_id, payload,"
            + " cast(headers as jsonb)"
            + " from unnest($1::text[], $2::text[], $3::text[], $4::text[], $6::text[], $7::timestamptz[],"
            + " $8::text[], $9::text[], $10::bytea[], $11::text[]) with ordinality"
            + " as event(event_id, topic, message_key, ce_type, ce_subject, ce_time, brand_id, vendor_id, payload,"
            + " headers, position)"
            + " order by position";

    /**
     * Adds {@code events} to the outbox, in their order, in the transaction open on {@code transaction}: a plain
     * reactive connection, as used by bulk writers ({@code TenantConnections}, batch consumers) that do not go
     * through Hibernate.
     *
     * @return the events' ids, in the order of {@code events}, once the rows are written (not yet committed)
     * @throws IllegalStateException (as the failure of the Uni) if the connection has no transaction open
     * @throws com.bpo.contracts.InvalidEventException (as the failure of the Uni) if a payload does not match its
     *     schema; nothing is written
     */
    public Uni<List<String>> enqueueAll(SqlConnection transaction, List<OutgoingEvent> events) {
        return Uni.createFrom().deferred(() -> {
            if (transaction.transaction() == null) {
                return Uni.createFrom()
                        .failure(new IllegalStateException(
                                "OutboxWriter.enqueueAll needs the connection's transaction to be open"));
            }
            if (events.isEmpty()) {
                return Uni.createFrom().item(List.<String>of());
            }
            int size = events.size();
            String[] ids = new String[size];
            String[] topics = new String[size];
            String[] keys = new String[size];
            String[] types = new String[size];
            String[] subjects = new String[size];
            OffsetDateTime[] times = new OffsetDateTime[size];
            String[] brands = new String[size];
            String[] vendors = new String[size];
            Buffer[] payloads = new Buffer[size];
            String[] headers = new String[size];
            for (int i = 0; i < size; i++) {
                OutgoingEvent event = events.get(i);
                payloads[i] = Buffer.buffer(event.validatedPayload());
                ids[i] = UUID.randomUUID().toString();
                topics[i] = event.topic();
                keys[i] = event.key();
                types[i] = event.type();
                subjects[i] = event.subject();
                times[i] = OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC);
                brands[i] = event.brandId();
                vendors[i] = event.vendorId();
                headers[i] = headersJson(event);
            }
            Tuple parameters = Tuple.from(
                    List.of(ids, topics, keys, types, source, subjects, times, brands, vendors, payloads, headers));
            return transaction.preparedQuery(INSERT_ALL).execute(parameters).replaceWith(List.of(ids));
        });
    }

    private static String headersJson(OutgoingEvent event) {
        JsonObject headers = new JsonObject();
        event.headers().forEach(headers::put);
        return headers.encode();
    }

    private Uni<String> insert(Mutiny.Session session, OutgoingEvent event) {
        // Validated before the insert, so an invalid event fails the caller's transaction and never reaches Kafka.
        byte[] payload = event.validatedPayload();
        String eventId = UUID.randomUUID().toString();
        return session.createNativeQuery(INSERT)
                .setParameter("eventId", eventId)
                .setParameter("topic", event.topic())
                .setParameter("messageKey", event.key())
                .setParameter("type", event.type())
                .setParameter("source", source)
                .setParameter("subject", event.subject())
                .setParameter("time", OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .setParameter("brandId", event.brandId())
                .setParameter("vendorId", event.vendorId())
                .setParameter("payload", payload)
                .setParameter("headers", headersJson(event))
                .executeUpdate()
                .replaceWith(eventId);
    }
}

package com.bpo.agent.customer;

import com.bpo.contracts.pii.Actor;
import com.bpo.contracts.pii.PiiAccessed;
import com.bpo.contracts.pii.PiiSubjectType;
import com.bpo.kit.messaging.OutgoingEvent;
import com.bpo.kit.outbox.OutboxWriter;
import com.bpo.kit.tenant.Principal;
import com.bpo.kit.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records a reveal of personal data as a {@code PiiAccessed} event in the outbox, in the transaction that decided the
 * reveal: the clear values may be answered only once this row has committed (ARCHITECTURE section 4), and if it
 * cannot be written the reveal fails.
 */
@ApplicationScoped
public class PiiAccessAudit {

    private final OutboxWriter outbox;
    private final String service;

    PiiAccessAudit(OutboxWriter outbox, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.outbox = outbox;
        this.service = service;
    }

    /**
     * Enqueues the access in the open transaction.
     *
     * @param subject what was revealed: its type, its id and the customer it is about
     * @param fields the revealed fields, in their API names
     * @return the access id, also the caller's reference to this record in the ledger
     */
    public Uni<String> record(Principal actor, String brandId, Subject subject, List<String> fields, Reason reason) {
        String accessId = UUID.randomUUID().toString();
        // The ledger keeps microseconds, like PostgreSQL; the event time and the access time are the same instant.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PiiAccessed accessed = new PiiAccessed(
                accessId,
                brandId,
                actor.vendorId(),
                actorOf(actor),
                service,
                subject.type(),
                subject.id(),
                subject.customerId(),
                fields,
                reason.purpose(),
                reason.ticketId(),
                at);
        OutgoingEvent event = OutgoingEvent.of(accessed).withBrand(brandId).withTime(at);
        if (actor.vendorId() != null) {
            event = event.withVendor(actor.vendorId());
        }
        return outbox.enqueue(event).replaceWith(accessId);
    }

    /**
     * The actor as the token named them. Only the platform's roles are kept: identity-provider defaults such as
     * {@code offline_access} grant nothing here and would only blur the ledger.
     */
    static Actor actorOf(Principal principal) {
        List<String> roles =
                principal.roles().stream().filter(Roles.ALL::contains).sorted().toList();
        return new Actor(principal.subject(), principal.username(), roles, principal.agentId(), principal.clientId());
    }

    /** The record whose personal data was revealed. */
    public record Subject(PiiSubjectType type, String id, String customerId) {}

    /** Why the data was revealed, as the actor gave it. */
    public record Reason(String purpose, String ticketId) {}
}

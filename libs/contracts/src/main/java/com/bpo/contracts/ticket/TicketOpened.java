package com.bpo.contracts.ticket;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A ticket was opened.
 *
 * @param type the kind of work, e.g. {@code COMPLAINT}, {@code REFUND}; the ticket service defines the set
 * @param ownerId who works on it; absent while unassigned
 * @param complaintId the complaint it was opened for, if any
 * @param conversationId the conversation it was opened from, if any
 * @param dueAt when its SLA timer runs out, if it has one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketOpened(
        String ticketId,
        String brandId,
        String vendorId,
        String type,
        TicketStatus status,
        String customerId,
        String complaintId,
        String conversationId,
        String ownerId,
        Instant at,
        Instant dueAt)
        implements EventPayload {

    @Override
    public String key() {
        return ticketId;
    }
}

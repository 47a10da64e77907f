package com.bpo.contracts.ticket;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A ticket moved from one status to another.
 *
 * @param ownerId who owns it after the change; absent while unassigned
 * @param departmentId the brand department it was handed to; only for {@link TicketStatus#HANDED_TO_BRAND}
 * @param dueAt when its SLA timer runs out after the change, if it has one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketStatusChanged(
        String ticketId,
        String brandId,
        String vendorId,
        String type,
        TicketStatus fromStatus,
        TicketStatus toStatus,
        String ownerId,
        String departmentId,
        Instant at,
        Instant dueAt)
        implements EventPayload {

    @Override
    public String key() {
        return ticketId;
    }
}

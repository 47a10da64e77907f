package com.bpo.contracts.ticket;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A callback (回访) to a customer was scheduled on a ticket. Keyed by ticket so that it stays in order with the
 * ticket's other events.
 *
 * @param agentId the agent who is to call; absent while unassigned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackScheduled(
        String callbackId,
        String ticketId,
        String brandId,
        String vendorId,
        String customerId,
        String agentId,
        Instant scheduledAt,
        Instant dueAt)
        implements EventPayload {

    @Override
    public String key() {
        return ticketId;
    }
}

package com.bpo.contracts.ticket;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A scheduled callback was done.
 *
 * @param callId the outbound call that did it, when it went through the phone system
 * @param onTime whether {@code doneAt} was not after {@code dueAt}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackCompleted(
        String callbackId,
        String ticketId,
        String brandId,
        String vendorId,
        String customerId,
        String agentId,
        String callId,
        Instant dueAt,
        Instant doneAt,
        boolean onTime)
        implements EventPayload {

    @Override
    public String key() {
        return ticketId;
    }
}

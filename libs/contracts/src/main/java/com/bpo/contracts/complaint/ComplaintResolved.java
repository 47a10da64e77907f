package com.bpo.contracts.complaint;

import com.bpo.contracts.EventPayload;
import com.bpo.contracts.Severity;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A complaint was resolved.
 *
 * @param withinSla whether {@code resolvedAt - filedAt} was within {@code slaTargetMinutes}, as the SLA calendar of
 *     the ticket counts it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintResolved(
        String complaintId,
        String ticketId,
        String brandId,
        String vendorId,
        String shopId,
        String customerId,
        String conversationId,
        String category,
        Severity severity,
        Instant filedAt,
        Instant resolvedAt,
        int slaTargetMinutes,
        boolean withinSla)
        implements EventPayload {

    @Override
    public String key() {
        return complaintId;
    }
}

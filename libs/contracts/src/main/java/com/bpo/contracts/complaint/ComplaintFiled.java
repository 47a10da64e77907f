package com.bpo.contracts.complaint;

import com.bpo.contracts.EventPayload;
import com.bpo.contracts.Severity;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A customer complaint was filed; it always comes with its ticket.
 *
 * @param shopId the shop the complaint is about, when known
 * @param conversationId the conversation it arose from, if any
 * @param category the brand's complaint category, e.g. {@code LOGISTICS}
 * @param slaTargetMinutes the time within which it must be resolved
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintFiled(
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
        int slaTargetMinutes)
        implements EventPayload {

    @Override
    public String key() {
        return complaintId;
    }
}

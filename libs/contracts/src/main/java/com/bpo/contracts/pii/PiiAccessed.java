package com.bpo.contracts.pii;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A person saw unmasked personal data. Keyed by brand: reveals are few, and one partition per brand keeps the
 * brand's hash-chained access ledger in the order the accesses happened.
 *
 * @param vendorId the actor's vendor; absent for brand staff
 * @param service the service that revealed the data, e.g. {@code agent-service}
 * @param subjectId the id of the record of {@code subjectType} that was revealed
 * @param customerId the customer the data is about
 * @param fields the revealed fields, e.g. {@code phone}, {@code address}
 * @param purpose the purpose the actor gave
 * @param ticketId the ticket the purpose refers to, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PiiAccessed(
        String accessId,
        String brandId,
        String vendorId,
        Actor actor,
        String service,
        PiiSubjectType subjectType,
        String subjectId,
        String customerId,
        List<String> fields,
        String purpose,
        String ticketId,
        Instant at)
        implements EventPayload {

    public PiiAccessed {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    @Override
    public String key() {
        return brandId;
    }
}

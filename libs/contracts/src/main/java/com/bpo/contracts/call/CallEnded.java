package com.bpo.contracts.call;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One phone contact ended, answered or abandoned. Seconds are whole seconds, rounded down.
 *
 * @param shopId the shop the call is about, when known
 * @param engagementId the engagement the call is served under, when known
 * @param agentId the agent who answered; absent when abandoned
 * @param answeredAt absent when abandoned
 * @param waitSeconds from offered until answered or abandoned
 * @param callbackOf the call or ticket id this callback follows up; only for {@link CallDirection#CALLBACK}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallEnded(
        String callId,
        String brandId,
        String vendorId,
        String shopId,
        String customerId,
        String engagementId,
        String agentId,
        CallDirection direction,
        Instant offeredAt,
        Instant answeredAt,
        Instant endedAt,
        long waitSeconds,
        long talkSeconds,
        long holdSeconds,
        long wrapSeconds,
        boolean abandoned,
        String callbackOf)
        implements EventPayload {

    @Override
    public String key() {
        return callId;
    }
}

package com.bpo.contracts.audit;

import com.bpo.contracts.EventPayload;
import com.bpo.contracts.Severity;
import com.bpo.contracts.pii.Actor;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;

/**
 * An anomaly rule fired on a brand's access ledger: {@code actor} did {@code count} accesses within {@code window},
 * more than the rule's {@code threshold}.
 *
 * @param vendorId the actor's vendor; absent for brand staff
 * @param rule the name of the rule, e.g. {@code mass-reveal}
 * @param window the sliding window the rule counts over, ISO-8601 (e.g. {@code PT1H})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertRaised(
        String alertId,
        String brandId,
        String vendorId,
        String rule,
        Actor actor,
        Severity severity,
        Duration window,
        long count,
        long threshold,
        Instant raisedAt)
        implements EventPayload {

    @Override
    public String key() {
        return alertId;
    }
}

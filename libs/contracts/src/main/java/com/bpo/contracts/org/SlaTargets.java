package com.bpo.contracts.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * What an engagement promises the brand; every target is optional. Rates are fractions between 0 and 1.
 *
 * @param firstResponseSeconds the highest mean first response time
 * @param averageResponseSeconds the highest mean response time over answered bursts
 * @param responseRate the lowest share of inquiries with an agent reply
 * @param withinThresholdRate the lowest share of bursts answered within the response threshold
 * @param serviceLevel the lowest share of calls answered within the service-level seconds
 * @param abandonRate the highest share of abandoned calls
 * @param complaintResolutionMinutes the time within which a complaint must be resolved
 * @param callbackCompletionRate the lowest share of callbacks done on time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlaTargets(
        Integer firstResponseSeconds,
        Integer averageResponseSeconds,
        BigDecimal responseRate,
        BigDecimal withinThresholdRate,
        BigDecimal serviceLevel,
        BigDecimal abandonRate,
        Integer complaintResolutionMinutes,
        BigDecimal callbackCompletionRate) {

    /** No targets. */
    public static final SlaTargets NONE = new SlaTargets(null, null, null, null, null, null, null, null);
}

package com.bpo.analytics.reference;

import java.time.LocalDate;
import java.util.List;

/**
 * One KPI question to the reference computation, in the words of the KPI query API.
 *
 * @param from first local day in the brand's time zone, inclusive
 * @param to last local day in the brand's time zone, inclusive
 * @param groupBy group keys ({@code vendor}, {@code day}, ...), in the order the caller wants them
 * @param kpis KPI keys ({@code inquiries}, {@code responseRate}, ...)
 * @param vendorScope keep only records credited to this vendor; {@code null} = all
 * @param agentScope keep only records credited to this agent; {@code null} = all
 */
public record ReferenceQuery(
        String brandId,
        LocalDate from,
        LocalDate to,
        List<String> groupBy,
        List<String> kpis,
        String vendorScope,
        String agentScope) {

    public ReferenceQuery {
        groupBy = List.copyOf(groupBy);
        kpis = List.copyOf(kpis);
    }

    /** A brand-wide query (no vendor or agent scope). */
    public static ReferenceQuery of(
            String brandId, LocalDate from, LocalDate to, List<String> groupBy, List<String> kpis) {
        return new ReferenceQuery(brandId, from, to, groupBy, kpis, null, null);
    }
}

package com.bpo.contracts.org;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The current state of an engagement: the contract between a brand and a vendor.
 *
 * @param serviceHours the weekly windows in which the vendor serves, in {@code timeZone}
 * @param validFrom first instant the engagement applies; absent = since ever
 * @param validTo first instant it no longer applies; absent = open-ended
 * @param slaTargets what the vendor promises
 * @param kpiVariants which KPI definitions the brand measures this vendor with
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngagementChanged(
        String engagementId,
        String brandId,
        String vendorId,
        List<String> shopIds,
        List<Channel> channels,
        List<EngagementRole> roles,
        List<ServiceWindow> serviceHours,
        ZoneId timeZone,
        boolean active,
        Instant validFrom,
        Instant validTo,
        SlaTargets slaTargets,
        KpiVariants kpiVariants)
        implements EventPayload {

    public EngagementChanged {
        shopIds = shopIds == null ? List.of() : List.copyOf(shopIds);
        channels = channels == null ? List.of() : List.copyOf(channels);
        roles = roles == null ? List.of() : List.copyOf(roles);
        serviceHours = serviceHours == null ? List.of() : List.copyOf(serviceHours);
        slaTargets = slaTargets == null ? SlaTargets.NONE : slaTargets;
        kpiVariants = kpiVariants == null ? KpiVariants.DEFAULTS : kpiVariants;
    }

    @Override
    public String key() {
        return "engagement:" + engagementId;
    }
}

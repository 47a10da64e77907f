package com.bpo.agent.service;

import com.bpo.agent.domain.Engagement;
import com.bpo.contracts.Channel;
import com.bpo.contracts.org.EngagementRole;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.ServiceWindow;
import com.bpo.contracts.org.SlaTargets;
import java.time.Instant;
import java.util.List;

public record EngagementView(
        String engagementId,
        String brandId,
        String vendorId,
        List<String> shopIds,
        List<Channel> channels,
        List<EngagementRole> roles,
        List<ServiceWindow> serviceHours,
        String timeZone,
        SlaTargets slaTargets,
        KpiVariants kpiVariants,
        Instant validFrom,
        Instant validTo,
        boolean active,
        long version) {

    public static EngagementView of(Engagement e) {
        return new EngagementView(
                e.id,
                e.brandId,
                e.vendorId,
                List.of(e.shopIds),
                e.channelList(),
                e.roleList(),
                e.serviceHours.windows(),
                e.timeZone,
                e.slaTargets,
                e.kpiVariants(),
                e.validFrom,
                e.validTo,
                e.active,
                e.version);
    }
}

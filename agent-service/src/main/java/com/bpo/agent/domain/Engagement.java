package com.bpo.agent.domain;

import com.bpo.contracts.Channel;
import com.bpo.contracts.org.Attribution;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.EngagementRole;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.SlaTargets;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The contract between a brand and a vendor: what the vendor serves, when, and by which KPI definitions. */
@Entity
@Table(name = "engagement")
public class Engagement {

    @Id
    public String id;

    @Column(name = "brand_id", nullable = false, updatable = false)
    public String brandId;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    public String vendorId;

    @Column(name = "shop_ids", nullable = false)
    public String[] shopIds;

    @Column(nullable = false)
    public String[] channels;

    @Column(nullable = false)
    public String[] roles;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "service_hours", nullable = false)
    public ServiceHours serviceHours;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sla_targets", nullable = false)
    public SlaTargets slaTargets;

    @Column(name = "response_threshold_seconds", nullable = false)
    public int responseThresholdSeconds;

    @Column(name = "conversion_window_days", nullable = false)
    public int conversionWindowDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attribution attribution;

    @Column(name = "service_level_seconds", nullable = false)
    public int serviceLevelSeconds;

    @Column(name = "abandon_short_seconds", nullable = false)
    public int abandonShortSeconds;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    public KpiVariants kpiVariants() {
        return new KpiVariants(
                responseThresholdSeconds, conversionWindowDays, attribution, serviceLevelSeconds, abandonShortSeconds);
    }

    public void setKpiVariants(KpiVariants variants) {
        responseThresholdSeconds = variants.responseThresholdSeconds();
        conversionWindowDays = variants.conversionWindowDays();
        attribution = variants.attribution();
        serviceLevelSeconds = variants.serviceLevelSeconds();
        abandonShortSeconds = variants.abandonShortSeconds();
    }

    public List<Channel> channelList() {
        return Arrays.stream(channels).map(Channel::valueOf).toList();
    }

    public List<EngagementRole> roleList() {
        return Arrays.stream(roles).map(EngagementRole::valueOf).toList();
    }

    public EngagementChanged changed() {
        return new EngagementChanged(
                id,
                brandId,
                vendorId,
                List.of(shopIds),
                channelList(),
                roleList(),
                serviceHours.windows(),
                ZoneId.of(timeZone),
                active,
                validFrom,
                validTo,
                slaTargets,
                kpiVariants());
    }
}

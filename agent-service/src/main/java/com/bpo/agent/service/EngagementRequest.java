package com.bpo.agent.service;

import com.bpo.contracts.Channel;
import com.bpo.contracts.org.Attribution;
import com.bpo.contracts.org.EngagementRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * An engagement as a client sends it. On a replace, brand and vendor must stay those of the engagement.
 *
 * @param engagementId generated when absent on create
 * @param shopIds shops of the brand the vendor serves
 * @param timeZone IANA id of the service hours; the brand's zone when absent
 * @param kpiVariants platform defaults for what is absent
 */
public record EngagementRequest(
        @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String engagementId,
        @NotBlank @Size(max = 128) String brandId,
        @NotBlank @Size(max = 128) String vendorId,
        @Size(max = 200) List<@NotBlank @Size(max = 128) String> shopIds,
        @NotEmpty List<@NotNull Channel> channels,
        @NotEmpty List<@NotNull EngagementRole> roles,
        @Size(max = 50) List<@NotNull @Valid ServiceWindowRequest> serviceHours,
        @Size(max = 64) String timeZone,
        @Valid SlaTargetsRequest slaTargets,
        @Valid KpiVariantsRequest kpiVariants,
        Instant validFrom,
        Instant validTo,
        Long version) {

    /** One weekly window; a window whose close is not after its open runs past midnight. */
    public record ServiceWindowRequest(
            @NotEmpty List<@NotNull DayOfWeek> days, @NotNull LocalTime opensAt, @NotNull LocalTime closesAt) {}

    /** SLA targets, each optional; rates are fractions 0-1. */
    public record SlaTargetsRequest(
            @Min(0) Integer firstResponseSeconds,
            @Min(0) Integer averageResponseSeconds,
            @DecimalMin("0") @DecimalMax("1") BigDecimal responseRate,
            @DecimalMin("0") @DecimalMax("1") BigDecimal withinThresholdRate,
            @DecimalMin("0") @DecimalMax("1") BigDecimal serviceLevel,
            @DecimalMin("0") @DecimalMax("1") BigDecimal abandonRate,
            @Min(1) Integer complaintResolutionMinutes,
            @DecimalMin("0") @DecimalMax("1") BigDecimal callbackCompletionRate) {}

    /** The KPI variants of ARCHITECTURE section 5; absent values take the platform defaults. */
    public record KpiVariantsRequest(
            @Min(1) @Max(3600) Integer responseThresholdSeconds,
            @Min(0) @Max(14) Integer conversionWindowDays,
            Attribution attribution,
            @Min(1) @Max(3600) Integer serviceLevelSeconds,
            @Min(0) @Max(3600) Integer abandonShortSeconds) {}
}

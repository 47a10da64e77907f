package com.bpo.analytics.kpi.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One KPI of one group.
 *
 * @param value numerator / denominator rounded half-even to 4 places, null when the denominator is 0; the numerator
 *     for a count
 * @param denominator null for a count (a KPI without denominator)
 * @param isFinal whether late events can no longer change it
 * @param variant the definition variants its records were counted with, sorted and joined by {@code ;}; absent for a
 *     KPI without variants
 */
public record KpiValue(
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        @JsonProperty("final") boolean isFinal,
        @JsonInclude(JsonInclude.Include.NON_NULL) String variant) {}

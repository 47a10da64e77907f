package com.bpo.analytics.reference;

import java.math.BigDecimal;

/**
 * One KPI of one group, with the numbers it is made of so that a reader can check it.
 *
 * @param denominator {@code null} for counts
 * @param value {@code numerator / denominator} rounded half-even to 4 places, {@code null} when the denominator is 0;
 *     the numerator itself for counts
 * @param finalValue whether late deliveries can no longer change it
 * @param variant the KPI variants of the group's records, sorted and joined by {@code ;}; {@code null} when none
 */
public record ReferenceValue(
        BigDecimal numerator, BigDecimal denominator, BigDecimal value, boolean finalValue, String variant) {}

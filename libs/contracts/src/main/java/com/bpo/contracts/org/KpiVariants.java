package com.bpo.contracts.org;

/**
 * The variant of each KPI definition an engagement uses; missing values take the platform defaults, so that a
 * variant added later reads as its default in older records.
 *
 * @param responseThresholdSeconds a burst answered later than this is slow
 * @param conversionWindowDays an order up to the end of day D + this many days converts an inquiry of day D (0-14)
 * @param attribution which agent an order is credited to
 * @param serviceLevelSeconds a call answered within this many seconds counts for the service level
 * @param abandonShortSeconds a call abandoned within this many seconds is left out of the service level
 */
public record KpiVariants(
        Integer responseThresholdSeconds,
        Integer conversionWindowDays,
        Attribution attribution,
        Integer serviceLevelSeconds,
        Integer abandonShortSeconds) {

    public static final int DEFAULT_RESPONSE_THRESHOLD_SECONDS = 30;
    public static final int DEFAULT_CONVERSION_WINDOW_DAYS = 1;
    public static final int MAX_CONVERSION_WINDOW_DAYS = 14;
    public static final Attribution DEFAULT_ATTRIBUTION = Attribution.LAST_REPLIER;
    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;
    public static final int DEFAULT_ABANDON_SHORT_SECONDS = 5;

    /** The platform defaults. */
    public static final KpiVariants DEFAULTS = new KpiVariants(null, null, null, null, null);

    public KpiVariants {
        responseThresholdSeconds =
                responseThresholdSeconds == null ? DEFAULT_RESPONSE_THRESHOLD_SECONDS : responseThresholdSeconds;
        conversionWindowDays = conversionWindowDays == null ? DEFAULT_CONVERSION_WINDOW_DAYS : conversionWindowDays;
        attribution = attribution == null ? DEFAULT_ATTRIBUTION : attribution;
        serviceLevelSeconds = serviceLevelSeconds == null ? DEFAULT_SERVICE_LEVEL_SECONDS : serviceLevelSeconds;
        abandonShortSeconds = abandonShortSeconds == null ? DEFAULT_ABANDON_SHORT_SECONDS : abandonShortSeconds;
    }
}

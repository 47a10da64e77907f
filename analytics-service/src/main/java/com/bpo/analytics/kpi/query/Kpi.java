package com.bpo.analytics.kpi.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The KPIs of the platform with their numerator and denominator (measures of their family), the variant they name
 * and how long they stay open for late events. The binding definitions are in {@code docs/kpi-api.md}.
 */
public enum Kpi {
    INQUIRIES("inquiries", Family.CHAT, "inquiries", null, VariantKind.NONE, Finality.SETTLED),
    INQUIRING_CUSTOMERS(
            "inquiringCustomers", Family.CHAT, "inquiring_customers", null, VariantKind.NONE, Finality.SETTLED),
    RESPONSE_RATE("responseRate", Family.CHAT, "answered", "inquiries", VariantKind.NONE, Finality.SETTLED),
    FIRST_RESPONSE_SECONDS(
            "firstResponseSeconds", Family.CHAT, "first_response_sum", "answered", VariantKind.NONE, Finality.SETTLED),
    AVERAGE_RESPONSE_SECONDS(
            "averageResponseSeconds",
            Family.CHAT,
            "response_sum",
            "answered_bursts",
            VariantKind.NONE,
            Finality.SETTLED),
    WITHIN_THRESHOLD_RATE(
            "withinThresholdRate", Family.CHAT, "within_threshold", "bursts", VariantKind.FAMILY, Finality.SETTLED),
    SLOW_BURSTS("slowBursts", Family.CHAT, "slow_bursts", null, VariantKind.FAMILY, Finality.SETTLED),
    UNANSWERED_INQUIRIES("unansweredInquiries", Family.CHAT, "unanswered", null, VariantKind.NONE, Finality.SETTLED),

    INQUIRY_CONVERSION(
            "inquiryConversion", Family.CONVERSION, "converted", "members", VariantKind.FAMILY, Finality.CONVERSION),
    PAID_CONVERSION(
            "paidConversion",
            Family.CONVERSION,
            "paid_converted",
            "members",
            VariantKind.FAMILY,
            Finality.PAID_CONVERSION),
    AVERAGE_ORDER_VALUE(
            "averageOrderValue",
            Family.CONVERSION,
            "paid_net",
            "paid_converted",
            VariantKind.FAMILY,
            Finality.PAID_CONVERSION),
    SILENT_SALES("silentSales", Family.CONVERSION, "silent", "paid_orders", VariantKind.NONE, Finality.SILENT_SALES),
    SILENT_SALES_AMOUNT(
            "silentSalesAmount", Family.CONVERSION, "silent_amount", null, VariantKind.NONE, Finality.SILENT_SALES),

    DSR_ITEM("dsrItem", Family.RATINGS, "item_sum", "ratings", VariantKind.NONE, Finality.SETTLED),
    DSR_SERVICE("dsrService", Family.RATINGS, "service_sum", "ratings", VariantKind.NONE, Finality.SETTLED),
    DSR_LOGISTICS("dsrLogistics", Family.RATINGS, "logistics_sum", "ratings", VariantKind.NONE, Finality.SETTLED),
    CSAT("csat", Family.RATINGS, "satisfied", "linked", VariantKind.NONE, Finality.SETTLED),
    RATING_PARTICIPATION(
            "ratingParticipation", Family.RATINGS, "closed_rated", "closed", VariantKind.NONE, Finality.SETTLED),

    CALLS_OFFERED("callsOffered", Family.CALLS, "inbound", null, VariantKind.NONE, Finality.SETTLED),
    CALLS_ANSWERED("callsAnswered", Family.CALLS, "inbound_answered", null, VariantKind.NONE, Finality.SETTLED),
    ABANDON_RATE("abandonRate", Family.CALLS, "inbound_abandoned", "inbound", VariantKind.NONE, Finality.SETTLED),
    AVERAGE_SPEED_OF_ANSWER(
            "averageSpeedOfAnswer", Family.CALLS, "wait_sum", "inbound_answered", VariantKind.NONE, Finality.SETTLED),
    SERVICE_LEVEL(
            "serviceLevel",
            Family.CALLS,
            "within_service_level",
            "service_level_base",
            VariantKind.FAMILY,
            Finality.SETTLED),
    AVERAGE_HANDLE_SECONDS(
            "averageHandleSeconds", Family.CALLS, "handle_sum", "answered", VariantKind.NONE, Finality.SETTLED),

    CALLBACKS_DUE("callbacksDue", Family.CALLBACKS, "callbacks", null, VariantKind.NONE, Finality.SETTLED),
    CALLBACK_COMPLETION_RATE(
            "callbackCompletionRate", Family.CALLBACKS, "on_time", "callbacks", VariantKind.NONE, Finality.SETTLED),

    COMPLAINTS("complaints", Family.COMPLAINTS, "complaints", null, VariantKind.NONE, Finality.SETTLED),
    /** The denominator is the chat family's {@code inquiries} of the same group. */
    COMPLAINT_RATE("complaintRate", Family.COMPLAINTS, "complaints", "inquiries", VariantKind.NONE, Finality.SETTLED),
    MEAN_RESOLUTION_MINUTES(
            "meanResolutionMinutes",
            Family.COMPLAINTS,
            "resolution_minutes",
            "resolved",
            VariantKind.NONE,
            Finality.SETTLED),
    COMPLAINT_SLA_ATTAINMENT(
            "complaintSlaAttainment", Family.COMPLAINTS, "within_sla", "resolved", VariantKind.NONE, Finality.SETTLED),

    EVALUATIONS("evaluations", Family.QA, "evaluations", null, VariantKind.NONE, Finality.SETTLED),
    MEAN_QA_SCORE("meanQaScore", Family.QA, "score_sum", "evaluations", VariantKind.NONE, Finality.SETTLED),
    QA_FAIL_RATE("qaFailRate", Family.QA, "failed", "evaluations", VariantKind.NONE, Finality.SETTLED);

    /** Whether a KPI names the variant its records were counted with. */
    enum VariantKind {
        NONE,
        FAMILY
    }

    /** How many days after its last day a value can still change through late events. */
    enum Finality {
        /** Day + 2: one day for late deliveries. */
        SETTLED,
        /** Day + window + 2. */
        CONVERSION,
        /** Day + window + 9: payment may come up to 7 days after the order. */
        PAID_CONVERSION,
        /** Day + 9. */
        SILENT_SALES
    }

    private final String key;
    private final Family family;
    private final String numerator;
    private final String denominator;
    private final VariantKind variantKind;
    private final Finality finality;

    Kpi(String key, Family family, String numerator, String denominator, VariantKind variantKind, Finality finality) {
        this.key = key;
        this.family = family;
        this.numerator = numerator;
        this.denominator = denominator;
        this.variantKind = variantKind;
        this.finality = finality;
    }

    /** The name in the API, e.g. {@code inquiryConversion}. */
    public String key() {
        return key;
    }

    public Family family() {
        return family;
    }

    /** Whether the value is a count (no denominator): value = numerator. */
    public boolean isCount() {
        return denominator == null;
    }

    String numerator() {
        return numerator;
    }

    String denominator() {
        return denominator;
    }

    VariantKind variantKind() {
        return variantKind;
    }

    Finality finality() {
        return finality;
    }

    public static Optional<Kpi> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}

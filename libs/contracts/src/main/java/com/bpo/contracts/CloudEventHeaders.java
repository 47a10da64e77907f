package com.bpo.contracts;

/**
 * Kafka header names of a CloudEvent 1.0 in binary mode (Kafka protocol binding): the attributes travel as
 * {@code ce_*} headers, the payload is the record value, and {@code datacontenttype} maps to {@code content-type}.
 * Header values are UTF-8 strings.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";

    /** Extension attribute: the brand (tenant) the event belongs to. */
    public static final String BRAND_ID = "ce_brandid";

    /** Extension attribute: the vendor the event belongs to, where one applies. */
    public static final String VENDOR_ID = "ce_vendorid";

    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {}
}

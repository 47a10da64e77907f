package com.bpo.agent.customer;

/**
 * Ids that come from the brands' platforms and systems (customers, messages, tickets): any text without spaces or
 * control characters, up to the 128 characters the event contracts carry.
 */
final class ExternalIds {

    static final String PATTERN = "^[^\\s\\p{Cntrl}]{1,128}$";

    static final String PATTERN_MESSAGE = "must be 1-128 characters without spaces or control characters";

    private ExternalIds() {}
}

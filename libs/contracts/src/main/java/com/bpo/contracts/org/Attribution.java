package com.bpo.contracts.org;

/** Which agent an order is credited to in the conversion KPIs. */
public enum Attribution {
    /** The last agent who replied to the customer before the order. */
    LAST_REPLIER
}

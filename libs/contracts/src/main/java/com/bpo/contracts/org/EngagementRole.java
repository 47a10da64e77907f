package com.bpo.contracts.org;

/** What a vendor does for a brand under an engagement. */
public enum EngagementRole {
    PRE_SALES,
    AFTER_SALES,
    COMPLAINTS
}

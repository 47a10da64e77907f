package com.bpo.contracts.commerce;

/** Where a brand's order is, as the brand reported it. */
public enum OrderStatus {
    PLACED,
    PAID,
    REFUNDED
}

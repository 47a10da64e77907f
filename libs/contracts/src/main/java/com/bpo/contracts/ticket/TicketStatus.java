package com.bpo.contracts.ticket;

/** Where a ticket is in its lifecycle. */
public enum TicketStatus {
    OPEN,
    IN_PROGRESS,
    WAITING,
    HANDED_TO_BRAND,
    RESOLVED,
    CLOSED
}

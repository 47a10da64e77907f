package com.bpo.contracts;

/** How serious a complaint or an alert is. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}

package com.bpo.contracts;

/** How a customer reaches the service. */
public enum Channel {
    CHAT,
    PHONE
}

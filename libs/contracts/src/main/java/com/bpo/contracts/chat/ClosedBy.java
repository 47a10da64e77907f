package com.bpo.contracts.chat;

/** Who ended a conversation; {@code SYSTEM} is an idle timeout or the end of service hours. */
public enum ClosedBy {
    CUSTOMER,
    AGENT,
    BOT,
    SYSTEM
}

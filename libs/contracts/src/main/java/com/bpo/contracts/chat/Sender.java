package com.bpo.contracts.chat;

/** Who wrote a chat message. Bot messages never count as agent replies. */
public enum Sender {
    CUSTOMER,
    AGENT,
    BOT
}

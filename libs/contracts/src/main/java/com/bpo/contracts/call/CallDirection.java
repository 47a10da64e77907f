package com.bpo.contracts.call;

/** Which way a call went; a callback (回访) is an outbound call that follows up an earlier contact. */
public enum CallDirection {
    INBOUND,
    OUTBOUND,
    CALLBACK
}

package com.bpo.contracts.pii;

/** What kind of record the revealed personal data belongs to. */
public enum PiiSubjectType {
    CUSTOMER,
    MESSAGE,
    TICKET,
    CALL
}

package com.bpo.contracts.qa;

/** What a QA evaluation scored. */
public enum QaSubjectType {
    CONVERSATION,
    CALL
}

package com.bpo.kit.pii;

/** The kinds of personal data {@link PiiRedactor} finds in free text. */
public enum PiiKind {
    MOBILE_PHONE,
    LANDLINE_PHONE,
    ID_CARD,
    EMAIL,
    ADDRESS
}

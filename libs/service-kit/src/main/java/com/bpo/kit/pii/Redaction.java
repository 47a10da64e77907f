package com.bpo.kit.pii;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Free text with its personal data masked.
 *
 * @param text the text with every finding replaced by its masked form
 * @param redacted whether anything was replaced; events and views carry it so readers know the text was changed
 * @param kinds the kinds of personal data that were replaced
 */
public record Redaction(String text, boolean redacted, Set<PiiKind> kinds) {

    public Redaction {
        kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        if (redacted == kinds.isEmpty()) {
            throw new IllegalArgumentException("redacted must be true exactly when some kind was redacted");
        }
    }

    /** Text in which nothing was found. */
    public static Redaction unchanged(String text) {
        return new Redaction(text, false, Set.of());
    }
}

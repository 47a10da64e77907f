package com.bpo.kit.pii;

/**
 * A stored PII value could not be decrypted: it was altered, truncated, written for another brand or field, or
 * written with a key version that is no longer configured. The value is never returned in part.
 */
public class PiiDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PiiDecryptionException(String message) {
        super(message);
    }

    public PiiDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}

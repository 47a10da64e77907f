package com.bpo.kit.pii;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): extract, then expand. */
final class Hkdf {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {}

    /**
     * Derives {@code length} bytes of key material.
     *
     * @param salt may be empty: RFC 5869 then uses a string of zero bytes as long as the hash
     */
    static byte[] sha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        if (length <= 0 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 output length must be 1.." + 255 * HASH_BYTES);
        }
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_BYTES] : salt, HMAC_SHA256));
            byte[] pseudoRandomKey = mac.doFinal(inputKeyMaterial);

            mac.init(new SecretKeySpec(pseudoRandomKey, HMAC_SHA256));
            byte[] output = new byte[length];
            byte[] block = new byte[0];
            int written = 0;
            for (int counter = 1; written < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                int take = Math.min(block.length, length - written);
                System.arraycopy(block, 0, output, written, take);
                written += take;
            }
            return output;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java platform, so this cannot happen on a conforming JDK.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

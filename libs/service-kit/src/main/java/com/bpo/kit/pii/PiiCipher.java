package com.bpo.kit.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts and decrypts PII field values with AES-256-GCM under the data key of their brand.
 *
 * <p>Ciphertext format (stored as {@code bytea}, or as base64 text through {@link #encryptToText}):
 *
 * <pre>
 * offset  length  content
 * 0       1       format version, 0x01
 * 1       1       key version, 1..255 (unsigned)
 * 2       12      IV, random per value
 * 14      n + 16  AES-GCM ciphertext of the UTF-8 plaintext (n bytes) followed by the 128-bit tag
 * </pre>
 *
 * <p>The additional authenticated data is both header bytes followed by the brand id and the field name, each as a
 * 4-byte big-endian length and its UTF-8 bytes. Any change to a stored value, or using it under another brand or
 * field, therefore fails the tag check and raises {@link PiiDecryptionException}; garbage is never returned.
 *
 * <p>{@code null} stands for "no value": it encrypts to {@code null} and decrypts to {@code null}, so optional
 * columns need no special casing. The empty string is a value and is encrypted.
 *
 * <p>Thread-safe.
 */
public final class PiiCipher {

    static final int FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 2;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int MIN_CIPHERTEXT_BYTES = HEADER_BYTES + IV_BYTES + TAG_BITS / 8;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    // Looking up the AES-GCM implementation cost more than encrypting a chat message; a Cipher is reused by its thread
    // only, and initialised afresh (key and IV) for every value, so no state carries over from one value to the next.
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(PiiCipher::newCipher);

    private final PiiKeyRing keys;
    private final SecureRandom random;

    public PiiCipher(PiiKeyRing keys) {
        this(keys, new SecureRandom());
    }

    PiiCipher(PiiKeyRing keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts {@code plaintext} of {@code field} for {@code brandId} with the current key version. */
    public byte[] encrypt(String brandId, String field, String plaintext) {
        return encrypt(brandId, field, plaintext, keys.currentVersion());
    }

    /** As {@link #encrypt}, as base64 text for text columns and JSON. */
    public String encryptToText(String brandId, String field, String plaintext) {
        byte[] ciphertext = encrypt(brandId, field, plaintext);
        return ciphertext == null ? null : Base64.getEncoder().encodeToString(ciphertext);
    }

    /**
     * Decrypts a value written by {@link #encrypt} for the same brand and field.
     *
     * @throws PiiDecryptionException if the value was altered, truncated, written for another brand or field, or
     *     under a key version that is not configured
     */
    public String decrypt(String brandId, String field, byte[] ciphertext) {
        checkNames(brandId, field);
        if (ciphertext == null) {
            return null;
        }
        if (ciphertext.length < MIN_CIPHERTEXT_BYTES) {
            throw failure(brandId, field, "is truncated (" + ciphertext.length + " bytes)", null);
        }
        int format = Byte.toUnsignedInt(ciphertext[0]);
        if (format != FORMAT_VERSION) {
            throw failure(brandId, field, "has unknown format version " + format, null);
        }
        int keyVersion = Byte.toUnsignedInt(ciphertext[1]);
        if (!keys.hasVersion(keyVersion)) {
            throw failure(
                    brandId, field, "was written with key version " + keyVersion + ", which is not configured", null);
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    keys.dataKey(brandId, keyVersion),
                    new GCMParameterSpec(TAG_BITS, ciphertext, HEADER_BYTES, IV_BYTES));
            cipher.updateAAD(additionalData(format, keyVersion, brandId, field));
            byte[] plaintext =
                    cipher.doFinal(ciphertext, HEADER_BYTES + IV_BYTES, ciphertext.length - HEADER_BYTES - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw failure(brandId, field, "failed authentication (altered, or written for another brand or field)", e);
        } catch (GeneralSecurityException e) {
            throw failure(brandId, field, "could not be decrypted", e);
        }
    }

    /** As {@link #decrypt}, for base64 text written by {@link #encryptToText}. */
    public String decryptText(String brandId, String field, String ciphertext) {
        checkNames(brandId, field);
        if (ciphertext == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw failure(brandId, field, "is not valid base64", e);
        }
        return decrypt(brandId, field, bytes);
    }

    /** The key version a stored value was written with, without decrypting it. */
    public int keyVersionOf(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < HEADER_BYTES) {
            throw new PiiDecryptionException("PII value is too short to carry a key version");
        }
        return Byte.toUnsignedInt(ciphertext[1]);
    }

    /** The key version new values are written with. */
    public int currentKeyVersion() {
        return keys.currentVersion();
    }

    /**
     * Re-encrypts a stored value with the current key version, for rotation jobs. A value that already uses the
     * current version is returned as it is.
     */
    public byte[] reencrypt(String brandId, String field, byte[] ciphertext) {
        if (ciphertext == null || keyVersionOf(ciphertext) == keys.currentVersion()) {
            checkNames(brandId, field);
            return ciphertext;
        }
        return encrypt(brandId, field, decrypt(brandId, field, ciphertext));
    }

    private byte[] encrypt(String brandId, String field, String plaintext, int keyVersion) {
        checkNames(brandId, field);
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.dataKey(brandId, keyVersion), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(additionalData(FORMAT_VERSION, keyVersion, brandId, field));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + IV_BYTES + sealed.length)
                    .put((byte) FORMAT_VERSION)
                    .put((byte) keyVersion)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java platform; failing here means a broken JDK, not bad input.
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is mandatory in every Java platform", e);
        }
    }

    private static byte[] additionalData(int format, int keyVersion, String brandId, String field) {
        byte[] brand = brandId.getBytes(StandardCharsets.UTF_8);
        byte[] name = field.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(HEADER_BYTES + Integer.BYTES + brand.length + Integer.BYTES + name.length)
                .put((byte) format)
                .put((byte) keyVersion)
                .putInt(brand.length)
                .put(brand)
                .putInt(name.length)
                .put(name)
                .array();
    }

    private static void checkNames(String brandId, String field) {
        if (brandId == null || brandId.isBlank()) {
            throw new IllegalArgumentException("brand id must not be blank");
        }
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("field name must not be blank");
        }
    }

    private static PiiDecryptionException failure(String brandId, String field, String reason, Throwable cause) {
        // Brand id and field name are not personal data; the value itself never appears in the message.
        return new PiiDecryptionException(
                "PII value of field '" + field + "' for brand '" + brandId + "' " + reason, cause);
    }

    @Override
    public String toString() {
        return "PiiCipher[" + keys + "]";
    }
}

package com.bpo.kit.messaging;

import com.bpo.contracts.EventIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The ids of {@link EventIds#forFact}, computed from a SHA-1 state that has already taken in the platform namespace.
 * Looking up a SHA-1 implementation for every id cost about as much as hashing the name; at tens of thousands of facts
 * a second that counts. A test holds the ids to {@link EventIds#forFact}.
 */
final class FactIds {

    private static final char SEPARATOR = '|';

    private static final MessageDigest AFTER_NAMESPACE = afterNamespace();

    private FactIds() {}

    /** The same id as {@link EventIds#forFact}, with the same checks of its parts. */
    static String forFact(String type, String brandId, String naturalKey) {
        requirePart(type, "type");
        requirePart(brandId, "brandId");
        if (naturalKey == null || naturalKey.isEmpty()) {
            throw new IllegalArgumentException("naturalKey must not be empty");
        }
        MessageDigest sha1 = copyOfNamespaced();
        byte[] hash =
                sha1.digest((type + SEPARATOR + brandId + SEPARATOR + naturalKey).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // variant 10 (RFC 9562)
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    private static MessageDigest copyOfNamespaced() {
        try {
            return (MessageDigest) AFTER_NAMESPACE.clone();
        } catch (CloneNotSupportedException e) {
            // The JDK's SHA-1 can be cloned; a provider whose cannot still gives the right id, only more slowly.
            MessageDigest sha1 = sha1();
            sha1.update(namespaceBytes());
            return sha1;
        }
    }

    private static MessageDigest afterNamespace() {
        MessageDigest sha1 = sha1();
        sha1.update(namespaceBytes());
        return sha1;
    }

    private static byte[] namespaceBytes() {
        return ByteBuffer.allocate(16)
                .putLong(EventIds.PLATFORM_NAMESPACE.getMostSignificantBits())
                .putLong(EventIds.PLATFORM_NAMESPACE.getLeastSignificantBits())
                .array();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    private static void requirePart(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        // Only the last part may contain the separator, otherwise two different facts could share one name.
        if (value.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException(name + " must not contain '" + SEPARATOR + "': " + value);
        }
    }
}

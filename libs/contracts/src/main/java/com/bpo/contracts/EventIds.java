package com.bpo.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids for facts received from outside (chat messages, calls, orders, ratings): a name-based UUID
 * version 5 (SHA-1, RFC 9562) of {@link #PLATFORM_NAMESPACE} and {@code type + "|" + brandId + "|" + naturalKey}.
 * A re-sent fact therefore gets the same {@code ce_id}, and idempotent consumers ignore it.
 */
public final class EventIds {

    /** RFC 9562 namespace for names that are URLs. */
    public static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /**
     * The namespace of every platform event id: the version 5 UUID of {@link #URL_NAMESPACE} and
     * {@code "https://bpo-platform/events"}. Changing it would change every id, so it is fixed here.
     */
    public static final UUID PLATFORM_NAMESPACE = UUID.fromString("c5a4ce33-cead-5641-8aac-d5b4aa1789a2");

    private static final char SEPARATOR = '|';

    private EventIds() {}

    /**
     * The id of the event of {@code type} for the fact with {@code naturalKey} (e.g. the platform's message id) of
     * {@code brandId}, as a UUID string.
     */
    public static String forFact(String type, String brandId, String naturalKey) {
        return uuidForFact(type, brandId, naturalKey).toString();
    }

    /** As {@link #forFact}, as a {@link UUID}. */
    public static UUID uuidForFact(String type, String brandId, String naturalKey) {
        requirePart(type, "type");
        requirePart(brandId, "brandId");
        if (naturalKey == null || naturalKey.isEmpty()) {
            throw new IllegalArgumentException("naturalKey must not be empty");
        }
        return nameBased(PLATFORM_NAMESPACE, type + SEPARATOR + brandId + SEPARATOR + naturalKey);
    }

    /** The RFC 9562 version 5 (SHA-1) UUID of {@code name} (UTF-8) in {@code namespace}. */
    public static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // variant 10 (RFC 9562)
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
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

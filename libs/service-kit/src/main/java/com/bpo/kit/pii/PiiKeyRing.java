package com.bpo.kit.pii;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 data keys of every brand, for the current key version and for retired ones.
 *
 * <p>A brand's data key for version {@code v} is its explicit brand key of that version if one is configured,
 * otherwise {@code HKDF-SHA256(ikm = master key of v, salt = none, info = "bpo-pii|" + brandId + "|v" + v)}, 32
 * bytes. Deriving means a new brand needs no configuration, while one leaked data key exposes one brand only.
 */
public final class PiiKeyRing {

    /** Length of every master and data key: AES-256. */
    public static final int KEY_BYTES = 32;

    static final int MIN_VERSION = 1;
    static final int MAX_VERSION = 255;

    private static final String CONFIG_PREFIX = "bpo.pii.";

    private final int currentVersion;
    private final Map<Integer, VersionKeys> versions;
    private final ConcurrentMap<DataKeyId, SecretKey> dataKeys = new ConcurrentHashMap<>();

    private PiiKeyRing(int currentVersion, Map<Integer, VersionKeys> versions) {
        this.currentVersion = currentVersion;
        this.versions = Map.copyOf(versions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the keys from configuration and rejects anything missing or malformed, naming the property (never its
     * value).
     *
     * @param generateMissingMasterKey when true and no master key is configured, a random one is used: values
     *     encrypted with it can only be decrypted by this process, which suits tests and nothing else
     */
    public static PiiKeyRing fromConfig(PiiConfig config, boolean generateMissingMasterKey) {
        int version = config.keyVersion();
        checkConfiguredVersion(CONFIG_PREFIX + "key-version", version);
        Builder builder = builder().currentVersion(version);
        if (config.masterKey().isPresent()) {
            builder.masterKey(
                    version,
                    decodeKey(CONFIG_PREFIX + "master-key", config.masterKey().get()));
        } else if (generateMissingMasterKey) {
            byte[] generated = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(generated);
            builder.masterKey(version, generated);
        } else {
            throw new IllegalStateException(CONFIG_PREFIX + "master-key is not set. PII cannot be encrypted without it:"
                    + " provide the base64 text of 32 random bytes (e.g. `openssl rand -base64 32`), in production"
                    + " through the environment variable BPO_PII_MASTER_KEY or a mounted secret.");
        }
        config.brandKeys()
                .forEach((brandId, key) -> builder.brandKey(
                        version, brandId, decodeKey(CONFIG_PREFIX + "brand-keys.\"" + brandId + "\"", key)));
        config.retiredKeys().forEach((retiredVersion, keys) -> {
            if (retiredVersion == version) {
                throw new IllegalStateException(CONFIG_PREFIX + "retired-keys.\"" + retiredVersion
                        + "\" repeats the current " + CONFIG_PREFIX + "key-version: give the new keys a new version");
            }
            String property = CONFIG_PREFIX + "retired-keys.\"" + retiredVersion + "\".";
            checkConfiguredVersion(property + "master-key", retiredVersion);
            builder.masterKey(retiredVersion, decodeKey(property + "master-key", keys.masterKey()));
            keys.brandKeys()
                    .forEach((brandId, key) -> builder.brandKey(
                            retiredVersion, brandId, decodeKey(property + "brand-keys.\"" + brandId + "\"", key)));
        });
        return builder.build();
    }

    private static void checkConfiguredVersion(String property, int version) {
        if (version < MIN_VERSION || version > MAX_VERSION) {
            throw new IllegalStateException(
                    property + " names key version " + version + ": versions are " + MIN_VERSION + ".." + MAX_VERSION);
        }
    }

    private static byte[] decodeKey(String property, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    property + " is not valid base64: it must be the base64 text of " + KEY_BYTES + " random bytes");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(property + " decodes to " + key.length + " bytes: it must be the base64"
                    + " text of exactly " + KEY_BYTES + " random bytes");
        }
        return key;
    }

    /** The version written into new ciphertexts. */
    public int currentVersion() {
        return currentVersion;
    }

    /** Whether values written with this key version can be decrypted. */
    public boolean hasVersion(int version) {
        return versions.containsKey(version);
    }

    SecretKey dataKey(String brandId, int version) {
        return dataKeys.computeIfAbsent(new DataKeyId(brandId, version), this::resolve);
    }

    private SecretKey resolve(DataKeyId id) {
        VersionKeys keys = versions.get(id.version());
        if (keys == null) {
            throw new IllegalArgumentException("key version " + id.version() + " is not configured");
        }
        byte[] explicit = keys.brandKeys.get(id.brandId());
        if (explicit != null) {
            return new SecretKeySpec(explicit, "AES");
        }
        byte[] info = ("bpo-pii|" + id.brandId() + "|v" + id.version()).getBytes(StandardCharsets.UTF_8);
        return new SecretKeySpec(Hkdf.sha256(keys.masterKey, new byte[0], info, KEY_BYTES), "AES");
    }

    @Override
    public String toString() {
        // Never print key material.
        return "PiiKeyRing[currentVersion=" + currentVersion + ", versions=" + versions.keySet() + "]";
    }

    private record DataKeyId(String brandId, int version) {}

    private static final class VersionKeys {
        private byte[] masterKey;
        private final Map<String, byte[]> brandKeys = new HashMap<>();
    }

    /** Assembles a key ring from raw keys; {@link #fromConfig} is the usual way in. */
    public static final class Builder {

        private Integer currentVersion;
        private final Map<Integer, VersionKeys> versions = new HashMap<>();

        private Builder() {}

        public Builder currentVersion(int version) {
            this.currentVersion = checkVersion(version);
            return this;
        }

        public Builder masterKey(int version, byte[] key) {
            versionKeys(version).masterKey = checkKey(key).clone();
            return this;
        }

        public Builder brandKey(int version, String brandId, byte[] key) {
            if (brandId == null || brandId.isBlank()) {
                throw new IllegalArgumentException("brand id of an explicit brand key must not be blank");
            }
            versionKeys(version).brandKeys.put(brandId, checkKey(key).clone());
            return this;
        }

        public PiiKeyRing build() {
            if (currentVersion == null) {
                throw new IllegalStateException("the current key version is not set");
            }
            versions.forEach((version, keys) -> {
                if (keys.masterKey == null) {
                    throw new IllegalStateException("key version " + version + " has no master key");
                }
            });
            if (!versions.containsKey(currentVersion)) {
                throw new IllegalStateException("the current key version " + currentVersion + " has no master key");
            }
            return new PiiKeyRing(currentVersion, versions);
        }

        private VersionKeys versionKeys(int version) {
            return versions.computeIfAbsent(checkVersion(version), v -> new VersionKeys());
        }

        private static int checkVersion(int version) {
            if (version < MIN_VERSION || version > MAX_VERSION) {
                throw new IllegalArgumentException(
                        "key version must be " + MIN_VERSION + ".." + MAX_VERSION + ", was " + version);
            }
            return version;
        }

        private static byte[] checkKey(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("a key must be " + KEY_BYTES + " bytes, was " + key.length);
            }
            return key;
        }
    }
}

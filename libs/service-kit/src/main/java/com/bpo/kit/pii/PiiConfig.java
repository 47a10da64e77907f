package com.bpo.kit.pii;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * Key material for PII encryption. Every key is the base64 text of 32 random bytes
 * ({@code openssl rand -base64 32}). In production the values come from secrets, e.g. the environment
 * variable {@code BPO_PII_MASTER_KEY} for {@code bpo.pii.master-key}; they never belong in committed files.
 *
 * <p>Rotation: move the current {@code master-key} (and any {@code brand-keys}) under
 * {@code retired-keys."<current version>"}, set the new keys and increment {@code key-version}. New values are
 * encrypted with the new version; values written under a retired version still decrypt.
 */
@ConfigMapping(prefix = "bpo.pii")
public interface PiiConfig {

    /** The master key of the current version; each brand's data key is derived from it with HKDF-SHA256. */
    Optional<String> masterKey();

    /** The key version written into new ciphertexts, 1..255. */
    @WithDefault("1")
    int keyVersion();

    /** Explicit data keys of the current version by brand id, used instead of the derived key for that brand. */
    Map<String, String> brandKeys();

    /** Keys of earlier versions by version number, kept so that values written with them still decrypt. */
    Map<Integer, RetiredKeys> retiredKeys();

    /** The keys that were current while an earlier key version was in use. */
    interface RetiredKeys {

        /** The master key of that version. */
        String masterKey();

        /** Explicit brand data keys of that version. */
        Map<String, String> brandKeys();
    }
}

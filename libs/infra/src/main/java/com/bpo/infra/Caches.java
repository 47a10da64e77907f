package com.bpo.infra;

import java.nio.file.Path;

/**
 * The per-user cache of unpacked server binaries ({@code ~/.cache/bpo-platform} unless the system property
 * {@code bpo.infra.cache-dir} or the environment variable {@code BPO_INFRA_CACHE_DIR} says otherwise).
 */
final class Caches {

    private Caches() {}

    static Path root() {
        String configured = System.getProperty("bpo.infra.cache-dir", System.getenv("BPO_INFRA_CACHE_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "bpo-platform");
    }
}

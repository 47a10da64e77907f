package com.bpo.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The inbox of applied event ids ({@code bpo.inbox.*}). */
@ConfigMapping(prefix = "bpo.inbox")
public interface InboxConfig {

    /**
     * How long an applied event id is remembered. Keep it longer than the retention of the topics consumed: an
     * event older than this that is delivered again (e.g. after an offset reset) would be applied again.
     */
    @WithDefault("P14D")
    Duration retention();

    /** How often ids older than the retention are deleted. */
    @WithDefault("PT10M")
    Duration cleanupInterval();
}

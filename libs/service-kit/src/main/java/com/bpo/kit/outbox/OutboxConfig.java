package com.bpo.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay ({@code bpo.outbox.*}). */
@ConfigMapping(prefix = "bpo.outbox")
public interface OutboxConfig {

    Relay relay();

    /** How long sent rows are kept (for inspection and replays) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** How often sent rows older than the retention are deleted. */
    @WithDefault("PT10M")
    Duration cleanupInterval();

    /** The relay that publishes committed outbox rows. */
    interface Relay {

        /** Whether this instance runs the relay; every instance may, one at a time publishes. */
        @WithDefault("true")
        boolean enabled();

        /** Pause between two rounds when the outbox is empty; a full batch is followed at once by the next. */
        @WithDefault("PT0.2S")
        Duration interval();

        /** Rows published per round and transaction. */
        @WithDefault("500")
        int batchSize();

        /** Longest pause after failed rounds (the pause doubles from the interval on each failure in a row). */
        @WithDefault("PT10S")
        Duration maxBackoff();
    }
}

package com.bpo.kit.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How the kit's batch consumers run ({@code bpo.consumer.*}); retries use {@code bpo.messaging.retry.*}. */
@ConfigMapping(prefix = "bpo.consumer")
public interface BatchConsumerConfig {

    /**
     * Kafka consumer settings on top of the application's {@code kafka.*} settings, e.g.
     * {@code bpo.consumer.kafka."max.partition.fetch.bytes"=4194304}. The group, offset handling, isolation level,
     * batch size and deserializers cannot be changed here: the guarantees depend on them.
     */
    Map<String, String> kafka();

    /** The longest one poll waits for records. */
    @WithDefault("PT1S")
    Duration pollTimeout();

    /** The longest one batch's transaction may take before it counts as failed (transiently) and is tried again. */
    @WithDefault("PT60S")
    Duration batchTimeout();

    /** The longest {@code stop} (and the application's shutdown) waits for a consumer to end its batch and close. */
    @WithDefault("PT30S")
    Duration stopTimeout();
}

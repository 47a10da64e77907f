package com.bpo.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How the kit publishes events and retries their processing ({@code bpo.messaging.*}). */
@ConfigMapping(prefix = "bpo.messaging")
public interface MessagingConfig {

    /** The {@code ce_source} of every event this service publishes, e.g. {@code /ticket-service}. */
    String source();

    /**
     * Kafka producer settings of the kit's event producer on top of the application's {@code kafka.*} settings, e.g.
     * {@code bpo.messaging.producer."linger.ms"=5}. {@code acks}, {@code enable.idempotence} and the serializers
     * cannot be changed here: the delivery guarantees depend on them.
     */
    Map<String, String> producer();

    /** Bounded retries of work that failed for a reason that may pass (a lost connection, a deadlock). */
    Retry retry();

    /** Bounded retries with exponential back-off. */
    interface Retry {

        /** Retries after the first attempt; then the failure is final (an incoming record goes to its DLQ). */
        @WithDefault("3")
        int maxRetries();

        /** Wait before the first retry; doubled on each further one. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("PT2S")
        Duration maxBackoff();
    }
}

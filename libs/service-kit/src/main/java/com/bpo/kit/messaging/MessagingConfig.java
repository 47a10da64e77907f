package com.bpo.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    /** How facts received from outside are published ({@link FactPublisher}). */
    Facts facts();

    /** Publishing facts straight to Kafka. */
    interface Facts {

        /**
         * Whether each fact's payload is checked against the JSON Schema of its type before it is sent. Unset: checked
         * in dev and test mode, not in production, where facts are records built from typed, already validated fields
         * and the tests (which run with the check) show that such records match their schemas; the check would cost
         * more than serialising the fact. Set it to {@code true} to check in production too.
         */
        Optional<Boolean> validateSchemas();
    }

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

package com.bpo.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of agent-service's event producer (the kit's {@code EventProducer}, client id {@code bpo-kit-events})
 * that decide its throughput, so that ProducerPerformance runs with the same ones: {@code acks=all}, idempotence and at
 * most five requests in flight (forced by {@code EventProducer}), {@code linger.ms=5} (the kit's default), and Kafka's
 * defaults for batch size and compression, which neither the kit nor the service changes.
 *
 * <p>They are not read from the running service: Quarkus keeps the Kafka clients' logs at WARN and filters the
 * client's configuration dump, and raising that logger's level at run time did not bring it back in a trial. The
 * service's {@code kafka_producer_compression_rate_avg} and {@code kafka_producer_batch_size_avg} metrics, quoted in
 * the report, show whether these settings still hold.
 */
final class ProducerSettings {

    /** The client id of the kit's event producer, which publishes the ingested messages. */
    static final String EVENT_PRODUCER_CLIENT_ID = "bpo-kit-events";

    static final Map<String, String> EVENT_PRODUCER = eventProducer();

    private ProducerSettings() {}

    private static Map<String, String> eventProducer() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("acks", "all");
        settings.put("enable.idempotence", "true");
        settings.put("max.in.flight.requests.per.connection", "5");
        settings.put("linger.ms", "5");
        settings.put("batch.size", "16384");
        settings.put("compression.type", "none");
        return Collections.unmodifiableMap(settings);
    }
}

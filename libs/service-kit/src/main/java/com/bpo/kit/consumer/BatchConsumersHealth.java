package com.bpo.kit.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the batch consumers: DOWN when the thread of a started consumer ended with a failure (its partitions
 * are no longer consumed by this instance), with each consumer's state as data. Shown at {@code /q/health/ready} in a
 * service with the SmallRye Health extension.
 */
@Readiness
@ApplicationScoped
public class BatchConsumersHealth implements HealthCheck {

    static final String NAME = "bpo-batch-consumers";

    private final BatchConsumers consumers;

    BatchConsumersHealth(BatchConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> states = new TreeMap<>();
        boolean up = true;
        for (KafkaBatchConsumer consumer : consumers.started()) {
            String state;
            if (consumer.hasFailed()) {
                up = false;
                state = "failed: " + consumer.failure();
            } else {
                state = consumer.isRunning() ? "running" : "stopping";
            }
            // Instances of one name share a group; the worst state is the one to show.
            states.merge(consumer.name(), state, (known, other) -> known.startsWith("failed") ? known : other);
        }
        Map<String, Object> data = new TreeMap<>(states);
        // The constructor needs no health implementation on the class path, unlike HealthCheckResponse.named.
        return new HealthCheckResponse(
                NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}

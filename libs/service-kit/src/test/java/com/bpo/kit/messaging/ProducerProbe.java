package com.bpo.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.Producer;

/** Keeps every Kafka producer the application creates (the connector announces each one as a CDI event). */
@ApplicationScoped
public class ProducerProbe {

    private final List<Producer<?, ?>> created = new CopyOnWriteArrayList<>();

    void onCreated(@Observes Producer<?, ?> producer) {
        created.add(producer);
    }

    public List<Producer<?, ?>> created() {
        return List.copyOf(created);
    }
}

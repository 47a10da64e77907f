package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** The channel defaults of the kit, read back from the running clients rather than from the configuration files. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KitTestTopics.class, restrictToAnnotatedClass = false)
class KafkaDefaultsTest {

    @Inject
    KafkaClientService clients;

    @Inject
    ProducerProbe producers;

    @Inject
    EventProducer eventProducer;

    @Test
    void outgoingChannelProducerWaitsForAllReplicasAndIsIdempotent() {
        io.smallrye.reactive.messaging.kafka.KafkaProducer<?, ?> channelProducer =
                clients.getProducer(OutgoingProbe.CHANNEL);

        ProducerConfig running = runningConfig(channelProducer.unwrap());

        // Kafka normalises acks=all to -1.
        assertThat(running.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
        assertThat(running.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
        assertThat(channelProducer.configuration().get(ProducerConfig.ACKS_CONFIG))
                .isEqualTo("all");
    }

    @Test
    void incomingChannelStartsFromTheEarliestOffset() {
        Map<String, ?> consumer =
                clients.getConsumer(PoisonProbeConsumer.CHANNEL).configuration();

        assertThat(consumer.get("auto.offset.reset")).isEqualTo("earliest");
    }

    @Test
    void deadLetterProducerWaitsForAllReplicasAndIsIdempotent() {
        Producer<?, ?> deadLetterProducer = producers.created().stream()
                .filter(p -> runningConfig(p)
                        .getString(ProducerConfig.CLIENT_ID_CONFIG)
                        .equals("kafka-dead-letter-topic-producer-kafka-consumer-" + PoisonProbeConsumer.CHANNEL))
                .findFirst()
                .orElseThrow();

        ProducerConfig running = runningConfig(deadLetterProducer);

        assertThat(running.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
        assertThat(running.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
    }

    @Test
    void kitEventProducerWaitsForAllReplicasAndIsIdempotent() {
        assertThat(eventProducer.configuration())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry("linger.ms", "5")
                .containsEntry("delivery.timeout.ms", "30000");
    }

    // What the Kafka client itself runs with, after its own defaults and normalisation.
    private static ProducerConfig runningConfig(Producer<?, ?> producer) {
        try {
            Field config = KafkaProducer.class.getDeclaredField("producerConfig");
            config.setAccessible(true);
            return (ProducerConfig) config.get(producer);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the configuration of the running producer", e);
        }
    }
}

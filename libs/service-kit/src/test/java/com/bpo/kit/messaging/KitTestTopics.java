package com.bpo.kit.messaging;

import com.bpo.contracts.Topics;
import com.bpo.infra.SharedServers;
import com.bpo.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * Creates the topics of the kit's test application, each with its dead-letter topic, before the application and its
 * consumers start (the broker creates no topic by itself). Kept apart from the platform's topics, so that no other
 * module's tests ever read the kit's test events.
 */
public class KitTestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String TICKETS = "kit-test.tickets";
    public static final String MESSAGES = "kit-test.messages";
    public static final String POISON = "kit-test.poison";
    public static final String OUT = "kit-test.out";

    @Override
    public Map<String, String> start() {
        try (KafkaTestClient kafka = new KafkaTestClient(SharedServers.kafka().bootstrapServers())) {
            for (String topic : List.of(TICKETS, MESSAGES, POISON, OUT)) {
                kafka.createTopic(topic, Topics.DEFAULT_PARTITIONS);
                kafka.createTopic(Topics.deadLetterTopic(topic), Topics.DEFAULT_PARTITIONS);
            }
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // The topics live as long as the build's broker.
    }
}

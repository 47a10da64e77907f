package com.bpo.infra;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * A running Kafka broker.
 *
 * @param bootstrapServers the value for {@code bootstrap.servers}, e.g. {@code 127.0.0.1:19092}
 * @param host the address the broker listens on
 * @param port its port
 */
public record KafkaEndpoint(String bootstrapServers, String host, int port) {

    static KafkaEndpoint from(ServerState state) {
        return new KafkaEndpoint(state.property("bootstrap.servers"), state.host(), state.port());
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return KafkaServer.admin(bootstrapServers);
    }

    /** Whether the broker accepts connections and describes its cluster. */
    public boolean answers() {
        if (!Ports.accepts(host, port)) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}

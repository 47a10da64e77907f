package com.bpo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/starting", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void okIsReady() {
        assertThat(HttpProbe.answersOk(at("/ready"), SECOND, SECOND)).isTrue();
    }

    @Test
    void anyOtherStatusIsNotReady() {
        assertThat(HttpProbe.answersOk(at("/starting"), SECOND, SECOND)).isFalse();
        assertThat(HttpProbe.answersOk(at("/missing"), SECOND, SECOND)).isFalse();
    }

    @Test
    void aClosedPortIsNotReady() {
        URI address = at("/ready");
        server.stop(0);

        assertThat(HttpProbe.answersOk(address, SECOND, SECOND)).isFalse();
    }

    @Test
    void anInterruptedProbeAnswersFalseAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThat(HttpProbe.answersOk(at("/ready"), SECOND, SECOND)).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}

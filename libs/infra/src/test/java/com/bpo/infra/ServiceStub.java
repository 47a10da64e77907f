package com.bpo.infra;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a Quarkus service, run by {@link ServiceProcessTest} as {@code java -jar}: it serves
 * {@code /q/health/ready} on {@code quarkus.http.port}, answering 503 until {@code stub.ready-after-ms} have passed and
 * 200 afterwards. {@code stub.exit-code} makes it exit at once with that code; {@code stub.hang-on-term} makes it
 * hang in its shutdown hook, as a service stuck while stopping would.
 */
public final class ServiceStub {

    private ServiceStub() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println("environment STUB_GREETING=" + System.getenv("STUB_GREETING"));
        System.out.println("property stub.greeting=" + System.getProperty("stub.greeting"));
        String exitCode = System.getProperty("stub.exit-code");
        if (exitCode != null) {
            System.out.println("failing on purpose");
            System.exit(Integer.parseInt(exitCode));
        }
        long readyAt = System.currentTimeMillis() + Long.getLong("stub.ready-after-ms", 0);
        HttpServer server = HttpServer.create(
                new InetSocketAddress(System.getProperty("quarkus.http.host"), Integer.getInteger("quarkus.http.port")),
                0);
        server.createContext("/q/health/ready", exchange -> {
            boolean ready = System.currentTimeMillis() >= readyAt;
            byte[] body = (ready ? "UP" : "DOWN").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        boolean hangOnTerm = Boolean.getBoolean("stub.hang-on-term");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping on SIGTERM");
            System.out.flush();
            if (hangOnTerm) {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            server.stop(0);
        }));
        System.out.println("serving");
        Thread.currentThread().join();
    }
}

package com.bpo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A stand-in for Keycloak's token endpoint and the gateway on one loopback port: it remembers what was created and
 * every request, and answers what the test tells it to. Enough to check the simulator's HTTP behaviour without the
 * real stack (the system tests run it against the real one).
 */
final class FakePlatform implements AutoCloseable {

    /** One request as the fake received it. */
    record Received(String method, String path, String authorization, String contentType, String body) {}

    /** What to answer: a status, a body and an optional {@code Retry-After}. */
    record Reply(int status, String body, Integer retryAfter) {
        static Reply of(int status, String body) {
            return new Reply(status, body, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The organisation's collections, where a POST creates an entity. */
    private static final Pattern ORGANISATION =
            Pattern.compile("/api/v1/(brands|vendors|engagements)(/[^/?]+/(shops|teams|agents))?");

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> existing = Collections.synchronizedSet(new HashSet<>());
    private final Map<String, Function<Received, Reply>> overrides = Collections.synchronizedMap(new HashMap<>());

    FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI gateway() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI realm() {
        return URI.create(gateway() + "/realms/bpo");
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Received> received(String method, String pathPrefix) {
        return received().stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .toList();
    }

    /** Answers requests whose path (with query) starts with {@code pathPrefix} with {@code reply} instead. */
    void answer(String pathPrefix, Function<Received, Reply> reply) {
        overrides.put(pathPrefix, reply);
    }

    void exists(String path) {
        existing.add(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().toString();
        Received request = new Received(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body);
        Reply reply = reply(request);
        if (!path.contains("/protocol/openid-connect/token")) {
            received.add(request);
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(reply.retryAfter()));
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Reply reply(Received request) {
        if (request.path().endsWith("/protocol/openid-connect/token")) {
            return token(request.body());
        }
        synchronized (overrides) {
            for (Map.Entry<String, Function<Received, Reply>> override : overrides.entrySet()) {
                if (request.path().startsWith(override.getKey())) {
                    return override.getValue().apply(request);
                }
            }
        }
        if (request.method().equals("GET")) {
            return existing.contains(request.path())
                    ? Reply.of(200, "{}")
                    : Reply.of(404, "{\"detail\":\"not found\"}");
        }
        if (request.method().equals("POST")
                && ORGANISATION.matcher(request.path()).matches()) {
            // A create: remember the new entity under its collection path and the id the client chose.
            String collection = request.path();
            String kind = collection.substring(collection.lastIndexOf('/') + 1);
            String id = json(request.body())
                    .path(kind.substring(0, kind.length() - 1) + "Id")
                    .asText();
            existing.add(collection + "/" + id);
            return Reply.of(201, request.body());
        }
        return Reply.of(200, "{\"accepted\":" + lines(request.body()) + ",\"duplicates\":0,\"rejected\":0}");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(String body) {
        return body.lines().filter(line -> !line.isBlank()).count();
    }

    /** A token whose subject names the user or client it was asked for, valid for five minutes. */
    private static Reply token(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        if ("wrong".equals(fields.get("password"))) {
            return Reply.of(400, "{\"error\":\"invalid_grant\"}");
        }
        String subject = "sub-" + fields.getOrDefault("username", fields.get("client_id"));
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8));
        return Reply.of(200, "{\"access_token\":\"h." + payload + ".s\",\"expires_in\":300}");
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}

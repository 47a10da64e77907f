package com.bpo.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server standing in for one platform service behind the gateway. By the last path segment:
 *
 * <ul>
 *   <li>{@code .../stream?bytes=N}: answers N bytes of {@link #patternByte pattern}, written only as fast as the
 *       reader takes them; {@link #produced()} counts what was written so far;
 *   <li>{@code .../hang}: never answers;
 *   <li>{@code .../close-before-answer}: closes the connection without an answer;
 *   <li>{@code .../break-mid-answer}: sends a status, headers and part of a declared body, then closes;
 *   <li>{@code /q/openapi}: the OpenAPI document it was given, or 404;
 *   <li>anything else: an echo of the method, path, query, headers, and size and SHA-256 of the body, which it reads
 *       as a stream; {@link #bodyBytesReceived()} counts body bytes as they arrive.
 * </ul>
 */
public final class FakeService {

    private final Vertx vertx;
    private final String name;
    private final String openApi;
    private final AtomicLong produced = new AtomicLong();
    private final AtomicLong bodyBytesReceived = new AtomicLong();
    private final AtomicLong completedRequests = new AtomicLong();
    private HttpServer server;
    private int port;

    FakeService(Vertx vertx, String name, String openApi) {
        this.vertx = vertx;
        this.name = name;
        this.openApi = openApi;
    }

    /** Starts on a free port the first time, and on the same port again after {@link #stop()}. */
    public synchronized FakeService start() {
        HttpServer started = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(this::handle);
        try {
            server = started.listen(port)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not start", e);
        }
        port = server.actualPort();
        return this;
    }

    public synchronized void stop() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not stop", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Bytes of streamed answers written so far. */
    public long produced() {
        return produced.get();
    }

    /** Request body bytes received so far, over all requests. */
    public long bodyBytesReceived() {
        return bodyBytesReceived.get();
    }

    /** Requests whose body was read to its end. */
    public long completedRequests() {
        return completedRequests.get();
    }

    /** The byte at {@code offset} of a streamed answer. */
    public static byte patternByte(long offset) {
        return (byte) (offset % 251);
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (path.equals("/q/openapi")) {
            if (openApi == null) {
                request.response().setStatusCode(404).end();
            } else {
                request.response().putHeader("Content-Type", "application/json").end(openApi);
            }
            return;
        }
        switch (last) {
            case "stream" -> stream(request.response(), Long.parseLong(request.getParam("bytes")));
            case "hang" -> request.pause();
            case "close-before-answer" -> request.connection().close();
            case "break-mid-answer" -> {
                HttpServerResponse response = request.response();
                response.putHeader("Content-Length", "1000000");
                response.write(Buffer.buffer(new byte[1000]))
                        .onComplete(written -> request.connection().close());
            }
            default -> echo(request);
        }
    }

    private void echo(HttpServerRequest request) {
        MessageDigest sha256 = sha256();
        long[] size = {0};
        request.handler(chunk -> {
            sha256.update(chunk.getBytes());
            size[0] += chunk.length();
            bodyBytesReceived.addAndGet(chunk.length());
        });
        request.endHandler(ended -> {
            completedRequests.incrementAndGet();
            JsonObject headers = new JsonObject();
            request.headers().forEach((header, value) -> {
                String key = header.toLowerCase(Locale.ROOT);
                headers.put(key, headers.containsKey(key) ? headers.getString(key) + "," + value : value);
            });
            JsonObject echo = new JsonObject()
                    .put("service", name)
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("bodyBytes", size[0])
                    .put("bodySha256", HexFormat.of().formatHex(sha256.digest()));
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Service", name)
                    .putHeader("X-Frame-Options", "SAMEORIGIN")
                    .end(echo.encode());
        });
    }

    private void stream(HttpServerResponse response, long total) {
        response.putHeader("Content-Type", "application/octet-stream").setChunked(true);
        writeChunks(response, 0, total);
    }

    private void writeChunks(HttpServerResponse response, long offset, long total) {
        long next = offset;
        while (next < total && !response.writeQueueFull()) {
            int length = (int) Math.min(64 * 1024, total - next);
            byte[] chunk = new byte[length];
            for (int i = 0; i < length; i++) {
                chunk[i] = patternByte(next + i);
            }
            response.write(Buffer.buffer(chunk));
            next += length;
            produced.addAndGet(length);
        }
        if (next >= total) {
            response.end();
            return;
        }
        long resumeAt = next;
        response.drainHandler(drained -> writeChunks(response, resumeAt, total));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

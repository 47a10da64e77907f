package com.bpo.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to a service, counted as it streams. When it grows past the limit the stream stops
 * forwarding (the part already sent is abandoned by resetting the service's request), tells the exchange once, and
 * from then on reads and discards what the client still sends, so that the client, which usually writes its whole
 * body before it reads, gets to see the 413. Discarding is bounded: past {@code discardLimit} more bytes the
 * connection is closed.
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final HttpServerRequest request;
    private final long limit;
    private final long discardLimit;
    private final Runnable onExceeded;
    private final Runnable onProgress;

    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private long received;
    private boolean exceeded;

    LimitedBody(HttpServerRequest request, long limit, long discardLimit, Runnable onExceeded, Runnable onProgress) {
        this.request = request;
        this.limit = limit;
        this.discardLimit = discardLimit;
        this.onExceeded = onExceeded;
        this.onProgress = onProgress;
        request.handler(this::chunk);
        request.endHandler(this::end);
    }

    private void chunk(Buffer chunk) {
        received += chunk.length();
        if (exceeded) {
            if (received - limit > discardLimit) {
                Connections.drop(request);
            }
            return;
        }
        if (received > limit) {
            exceeded = true;
            request.resume();
            onExceeded.run();
            return;
        }
        onProgress.run();
        if (handler != null) {
            handler.handle(chunk);
        }
    }

    private void end(Void ignored) {
        if (exceeded) {
            // The 413 promised "Connection: close"; the body is read to its end, now the connection goes.
            Connections.dropOnceAnswered(request);
            return;
        }
        if (endHandler != null) {
            endHandler.handle(null);
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        request.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (!exceeded) {
            request.pause();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        request.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        request.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }
}

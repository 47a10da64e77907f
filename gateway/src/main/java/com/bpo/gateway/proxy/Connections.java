package com.bpo.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/** Ending an exchange whose request body will not be read: the connection (HTTP/1) or the stream (HTTP/2) goes. */
final class Connections {

    private Connections() {}

    /** Gives up the exchange now: a connection (HTTP/1.x) is closed, a stream (HTTP/2) reset. */
    static void drop(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset();
        } else {
            request.connection().close();
        }
    }

    /** Drops the exchange as soon as its answer is written (at once if it is). */
    static void dropOnceAnswered(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (response.ended()) {
            drop(request);
        } else {
            response.endHandler(ignored -> drop(request));
        }
    }

    /**
     * Marks an answer given before the request body was read: HTTP/1.x connections cannot carry another request
     * after an unread body, so the client is told that this one closes.
     */
    static void announceClose(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_2) {
            request.response().putHeader("Connection", "close");
        }
    }

    /**
     * Reads and discards the rest of a refused request body, then drops the exchange; past {@code limit} discarded
     * bytes it drops it at once. A client that writes its whole body before reading thus still sees the answer.
     */
    static void discardBodyThenDrop(HttpServerRequest request, long limit) {
        discard(request, limit, () -> dropOnceAnswered(request));
    }

    /**
     * Reads and discards the rest of a request body the gateway answered without passing it on, keeping the
     * connection for the next request; past {@code limit} discarded bytes it drops the exchange.
     */
    static void discardBody(HttpServerRequest request, long limit) {
        discard(request, limit, () -> {});
    }

    private static void discard(HttpServerRequest request, long limit, Runnable atEnd) {
        if (request.isEnded()) {
            atEnd.run();
            return;
        }
        long[] discarded = {0};
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > limit) {
                drop(request);
            }
        });
        request.endHandler(ignored -> atEnd.run());
        request.resume();
    }
}

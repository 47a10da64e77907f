package com.bpo.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether an address answers 200 to a GET: the readiness probes of servers and services. */
public final class HttpProbe {

    private HttpProbe() {}

    /**
     * Asks once with a client of its own.
     *
     * @return true on 200; false on any other status, no answer within the timeouts or a refused connection
     */
    public static boolean answersOk(URI address, Duration connectTimeout, Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        return answersOk(client, address, timeout);
    }

    /** As {@link #answersOk(URI, Duration, Duration)}, with a client kept for repeated probes. */
    public static boolean answersOk(HttpClient client, URI address, Duration timeout) {
        HttpRequest request =
                HttpRequest.newBuilder(address).timeout(timeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            // The caller's wait ends; the flag tells it why.
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

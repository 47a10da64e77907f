package com.bpo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Sends chat message batches to the ingestion endpoint over a fixed number of HTTP/1.1 connections, each sending its
 * next request as soon as the previous one is answered (a closed loop: the service's speed sets the pace). A request
 * belongs to the phase in which its answer arrived: warm-up, then the measured window; the load stops at the end of
 * the window and requests still in flight are counted as "after".
 */
final class LoadRunner {

    /** What the benchmark does at the edges of the measured window and once a second. */
    interface Listener {
        void measuringStarts(long acceptedSoFar);

        void everySecond(Duration elapsed, long acceptedSoFar);

        void measuringEnds(long acceptedSoFar);
    }

    /** The outcome of a run. */
    record Result(
            Duration window,
            IngestionCounts measured,
            IngestionCounts all,
            LatencySummary latency,
            List<String> errorSamples) {

        double acceptedPerSecond() {
            return measured.accepted / (window.toNanos() / 1e9);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_SAMPLES = 5;
    // Fail fast when the endpoint refuses everything (not deployed, wrong token): no point in a minute of errors.
    private static final int FAILURES_BEFORE_GIVING_UP = 20;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final URI endpoint;
    private final TokenSource tokens;
    private final BatchTemplates templates;
    private final int connections;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong acceptedSoFar = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean givenUp = new AtomicBoolean();
    private final List<String> errorSamples = new CopyOnWriteArrayList<>();

    LoadRunner(URI endpoint, TokenSource tokens, BatchTemplates templates, int connections) {
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.templates = templates;
        this.connections = connections;
    }

    /** Messages accepted so far in every phase (what the service's tables must eventually hold). */
    long acceptedSoFar() {
        return acceptedSoFar.get();
    }

    Result run(Duration warmup, Duration duration, Listener listener) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + duration.toNanos();
        List<Connection> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Connection worker = new Connection(measureFrom, measureTo);
            workers.add(worker);
            Thread thread = new Thread(worker, "ingestion-connection-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        boolean measuring = false;
        long second = 1;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            long now = System.nanoTime();
            if (!measuring && now >= measureFrom) {
                measuring = true;
                listener.measuringStarts(acceptedSoFar.get());
            }
            if (now >= measureTo) {
                break;
            }
            long nextSecond = start + second * 1_000_000_000L;
            if (now >= nextSecond) {
                listener.everySecond(Duration.ofNanos(now - start), acceptedSoFar.get());
                second++;
                continue;
            }
            long wakeAt = Math.min(nextSecond, measuring ? measureTo : measureFrom);
            Thread.sleep(Math.max(1, (wakeAt - now) / 1_000_000));
        }
        if (!givenUp.get()) {
            if (!measuring) {
                listener.measuringStarts(acceptedSoFar.get());
            }
            listener.measuringEnds(acceptedSoFar.get());
        }
        // Requests in flight when the window closes finish and count as "after"; they are accepted all the same.
        for (Thread thread : threads) {
            thread.join(REQUEST_TIMEOUT.toMillis() + 10_000);
        }
        if (givenUp.get()) {
            throw new BenchmarkException("the ingestion endpoint refused " + FAILURES_BEFORE_GIVING_UP
                    + " requests and accepted none; first answers: " + String.join(" | ", errorSamples));
        }
        IngestionCounts measured = new IngestionCounts();
        IngestionCounts all = new IngestionCounts();
        Histogram latencies = LatencySummary.newHistogram();
        for (Connection worker : workers) {
            measured.add(worker.measured);
            all.add(worker.warmup);
            all.add(worker.measured);
            all.add(worker.after);
            latencies.add(worker.latencies);
        }
        return new Result(
                Duration.ofNanos(measureTo - measureFrom),
                measured,
                all,
                LatencySummary.of(latencies),
                List.copyOf(errorSamples));
    }

    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private void noteError(String error) {
        if (errorSamples.size() < ERROR_SAMPLES) {
            errorSamples.add(error);
        }
        if (failures.incrementAndGet() >= FAILURES_BEFORE_GIVING_UP && successes.get() == 0) {
            givenUp.set(true);
        }
    }

    /** One connection's closed loop. */
    private final class Connection implements Runnable {

        private final long measureFrom;
        private final long measureTo;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        final IngestionCounts warmup = new IngestionCounts();
        final IngestionCounts measured = new IngestionCounts();
        final IngestionCounts after = new IngestionCounts();
        final Histogram latencies = LatencySummary.newHistogram();

        Connection(long measureFrom, long measureTo) {
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
        }

        @Override
        public void run() {
            int records = templates.recordsPerBody();
            while (System.nanoTime() < measureTo && !givenUp.get()) {
                byte[] body = templates.body(sequence.getAndIncrement(), epochMicros(Instant.now()));
                HttpRequest request = HttpRequest.newBuilder(endpoint)
                        .timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + tokens.token())
                        .header("Content-Type", templates.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                long sent = System.nanoTime();
                HttpResponse<byte[]> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    phase(System.nanoTime()).failed(records);
                    noteError("no answer: " + e);
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long answered = System.nanoTime();
                IngestionCounts phase = phase(answered);
                if (phase == measured) {
                    LatencySummary.record(latencies, answered - sent);
                }
                record(phase, response, records);
            }
        }

        private void record(IngestionCounts phase, HttpResponse<byte[]> response, int records) {
            if (response.statusCode() != 200) {
                phase.answered(response.statusCode(), records, 0, 0, 0);
                noteError(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
                return;
            }
            try {
                JsonNode answer = JSON.readTree(response.body());
                long accepted = answer.path("accepted").asLong();
                long rejected = answer.path("rejected").asLong();
                phase.answered(200, records, accepted, answer.path("duplicates").asLong(), rejected);
                acceptedSoFar.addAndGet(accepted);
                successes.incrementAndGet();
                if (rejected > 0) {
                    noteError("200 with " + rejected + " rejected: " + answer.path("rejections"));
                }
            } catch (IOException e) {
                phase.answered(200, records, 0, 0, 0);
                noteError("200 with an unreadable answer: " + e.getMessage());
            }
        }

        private IngestionCounts phase(long answeredAt) {
            if (answeredAt < measureFrom) {
                return warmup;
            }
            return answeredAt < measureTo ? measured : after;
        }
    }
}

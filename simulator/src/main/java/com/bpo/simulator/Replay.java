package com.bpo.simulator;

import com.bpo.simulator.TrafficEvent.EventKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Sends generated traffic to the platform on a schedule. Records of the batch endpoints (messages, calls, orders,
 * ratings) are collected per kind and brand and sent as NDJSON batches of up to {@link #BATCH_SIZE} when a batch is
 * full or its oldest record has waited {@link #FLUSH_AFTER}; closes, profiles and reveals are one request each and go
 * out {@link #SINGLE_DELAY} after their time, so that the batches they depend on are taken first. Requests run
 * concurrently up to {@link #MAX_IN_FLIGHT}.
 *
 * <p>Ingestion is idempotent, so a batch that met a rate limit or a 5xx is simply sent again. A 404 for a close or a
 * reveal usually means the service's tables have not caught up with the messages yet (they are built from Kafka a
 * moment after ingestion), so those are tried again a little later, a bounded number of times.
 */
final class Replay {

    static final int BATCH_SIZE = 500;
    static final Duration FLUSH_AFTER = Duration.ofMillis(250);
    static final Duration SINGLE_DELAY = Duration.ofSeconds(1);
    static final int MAX_IN_FLIGHT = 16;
    static final int MAX_ATTEMPTS = 20;
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);
    /** Connection failures in a row after which the platform is taken to be down and the run stops. */
    static final int UNREACHABLE_AFTER = 50;

    /** When each event is due, in {@link System#nanoTime()} terms, given its index and scenario time. */
    interface Pacing {
        long dueNanos(int index, Instant at);

        /** The scenario's clock replayed {@code speed} times faster than real time from {@code scenarioStart}. */
        static Pacing clock(long startNanos, Instant scenarioStart, double speed) {
            return (index, at) ->
                    startNanos + (long) (Duration.between(scenarioStart, at).toNanos() / speed);
        }

        /** A fixed number of events per second, whatever the scenario's clock says. */
        static Pacing rate(long startNanos, double eventsPerSecond) {
            return (index, at) -> startNanos + (long) (index * 1e9 / eventsPerSecond);
        }
    }

    private sealed interface Job {
        int attempt();
    }

    private record BatchJob(EventKind kind, String brandId, List<TrafficEvent> events, int attempt) implements Job {}

    private record SingleJob(TrafficEvent event, int attempt) implements Job {}

    private record Scheduled(Job job, long dueNanos) {}

    private final PlatformClient client;
    private final Function<String, TokenSource> brandTokens;
    private final Function<String, TokenSource> agentTokens;
    private final Tally tally;
    private final Progress progress;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final PriorityBlockingQueue<Scheduled> scheduled =
            new PriorityBlockingQueue<>(64, Comparator.comparingLong(Scheduled::dueNanos));
    private final Map<String, List<TrafficEvent>> buffers = new LinkedHashMap<>();
    private final Map<String, Long> bufferedSince = new LinkedHashMap<>();
    private final AtomicLong pendingJobs = new AtomicLong();
    private final AtomicInteger connectionFailures = new AtomicInteger();
    private volatile String lastConnectionFailure;
    private Instant scenarioTime;

    /**
     * @param brandTokens the token of a brand's system (its integration client), by brand id
     * @param agentTokens the token of an agent's own login, by agent id
     */
    Replay(
            PlatformClient client,
            Function<String, TokenSource> brandTokens,
            Function<String, TokenSource> agentTokens,
            Tally tally,
            Progress progress) {
        this.client = client;
        this.brandTokens = brandTokens;
        this.agentTokens = agentTokens;
        this.tally = tally;
        this.progress = progress;
    }

    /** Sends every event when it is due and returns once every request has been answered or given up. */
    void send(List<TrafficEvent> events, Pacing pacing) {
        for (int i = 0; i < events.size(); i++) {
            TrafficEvent event = events.get(i);
            long due = pacing.dueNanos(i, event.at());
            long now;
            while ((now = System.nanoTime()) < due) {
                service(now);
                LockSupport.parkNanos(Math.min(due - now, TimeUnit.MILLISECONDS.toNanos(20)));
            }
            scenarioTime = event.at();
            if (event.kind().batched()) {
                String key = event.kind() + "|" + event.brandId();
                List<TrafficEvent> buffer = buffers.computeIfAbsent(key, ignored -> new ArrayList<>());
                if (buffer.isEmpty()) {
                    bufferedSince.put(key, now);
                }
                buffer.add(event);
                if (buffer.size() >= BATCH_SIZE) {
                    flush(key);
                }
            } else {
                schedule(new SingleJob(event, 1), now + SINGLE_DELAY.toNanos());
            }
            service(now);
        }
        for (String key : List.copyOf(buffers.keySet())) {
            flush(key);
        }
        while (pendingJobs.get() > 0) {
            service(System.nanoTime());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        progress.finish(System.nanoTime(), scenarioTime);
    }

    /** Flushes batches that waited long enough, starts what is due and updates the progress line. */
    private void service(long now) {
        if (connectionFailures.get() >= UNREACHABLE_AFTER) {
            throw new IllegalStateException("the platform does not answer (" + UNREACHABLE_AFTER
                    + " connection failures in a row, the last: " + lastConnectionFailure + "); is the stack up?");
        }
        for (Map.Entry<String, Long> since : List.copyOf(bufferedSince.entrySet())) {
            if (now - since.getValue() >= FLUSH_AFTER.toNanos()) {
                flush(since.getKey());
            }
        }
        Scheduled next;
        while ((next = scheduled.peek()) != null && next.dueNanos() <= now) {
            scheduled.poll();
            start(next.job());
        }
        progress.tick(now, scenarioTime);
    }

    private void flush(String key) {
        List<TrafficEvent> buffer = buffers.get(key);
        bufferedSince.remove(key);
        if (buffer == null || buffer.isEmpty()) {
            return;
        }
        buffers.put(key, new ArrayList<>());
        TrafficEvent first = buffer.get(0);
        pendingJobs.incrementAndGet();
        start(new BatchJob(first.kind(), first.brandId(), List.copyOf(buffer), 1));
    }

    private void schedule(Job job, long dueNanos) {
        if (job.attempt() == 1) {
            pendingJobs.incrementAndGet();
        }
        scheduled.add(new Scheduled(job, dueNanos));
    }

    /** Starts a request; blocks while {@link #MAX_IN_FLIGHT} are outstanding, which paces a rate above capacity. */
    private void start(Job job) {
        inFlight.acquireUninterruptibly();
        tally.request();
        if (job instanceof BatchJob batch) {
            StringBuilder body = new StringBuilder(batch.events().size() * 320);
            batch.events().forEach(event -> body.append(event.wire()).append('\n'));
            client.sendAsync(
                            "POST",
                            batch.kind().batchPath(),
                            brandTokens.apply(batch.brandId()).accessToken(),
                            "application/x-ndjson",
                            body.toString())
                    .whenComplete((answer, failure) -> {
                        inFlight.release();
                        settle(batch.kind(), batch.events().size(), answer, () -> batchAnswered(batch, answer));
                    });
        } else if (job instanceof SingleJob single) {
            TrafficEvent event = single.event();
            String token = event instanceof TrafficEvent.Reveal reveal
                    ? agentTokens.apply(reveal.agentId()).accessToken()
                    : brandTokens.apply(event.brandId()).accessToken();
            client.sendAsync(
                            method(event),
                            path(event),
                            token,
                            "application/json",
                            event.wire().toString())
                    .whenComplete((answer, failure) -> {
                        inFlight.release();
                        settle(event.kind(), 1, answer, () -> singleAnswered(single, answer));
                    });
        }
    }

    /** Handles an answer; an answer that cannot be understood ends the job as failed rather than leaving it open. */
    private void settle(EventKind kind, int records, PlatformClient.Answer answer, Runnable handler) {
        if (answer.status() == 0) {
            connectionFailures.incrementAndGet();
            lastConnectionFailure = answer.body();
        } else {
            connectionFailures.set(0);
        }
        try {
            handler.run();
        } catch (RuntimeException e) {
            tally.failed(kind, records);
            tally.problem(kind.label() + ": unreadable answer: " + e.getMessage());
            pendingJobs.decrementAndGet();
        }
    }

    private void batchAnswered(BatchJob batch, PlatformClient.Answer answer) {
        int records = batch.events().size();
        if (answer.ok()) {
            JsonNode counts = answer.json();
            long taken =
                    counts.path("accepted").asLong() + counts.path("duplicates").asLong();
            long rejected = counts.path("rejected").asLong();
            tally.sent(batch.kind(), taken);
            if (rejected > 0) {
                tally.rejected(batch.kind(), rejected);
                tally.problem(batch.kind().label() + " of " + batch.brandId() + ": " + rejected + " rejected, first: "
                        + counts.path("rejections").path(0));
            }
            pendingJobs.decrementAndGet();
        } else if ((answer.transientFailure() || answer.status() >= 500) && batch.attempt() < MAX_ATTEMPTS) {
            // Ingestion is idempotent: the same batch again completes a partly taken one.
            scheduled.add(new Scheduled(
                    new BatchJob(batch.kind(), batch.brandId(), batch.events(), batch.attempt() + 1),
                    System.nanoTime() + retryDelay(answer, batch.attempt()).toNanos()));
        } else {
            tally.failed(batch.kind(), records);
            tally.problem(batch.kind().label() + " batch of " + records + " for " + batch.brandId() + ": HTTP "
                    + answer.status() + " " + answer.problemDetail());
            pendingJobs.decrementAndGet();
        }
    }

    private void singleAnswered(SingleJob single, PlatformClient.Answer answer) {
        TrafficEvent event = single.event();
        if (answer.ok()) {
            tally.sent(event.kind(), 1);
            pendingJobs.decrementAndGet();
            return;
        }
        boolean notBuiltYet = answer.status() == 404 && event.kind() != EventKind.PROFILE;
        if ((notBuiltYet || answer.transientFailure() || answer.status() >= 500) && single.attempt() < MAX_ATTEMPTS) {
            scheduled.add(new Scheduled(
                    new SingleJob(event, single.attempt() + 1),
                    System.nanoTime() + retryDelay(answer, single.attempt()).toNanos()));
            return;
        }
        if (answer.status() == 400 || answer.status() == 422) {
            tally.rejected(event.kind(), 1);
        } else {
            tally.failed(event.kind(), 1);
        }
        tally.problem(event.kind().label() + " " + method(event) + " " + path(event) + ": HTTP " + answer.status() + " "
                + answer.problemDetail());
        pendingJobs.decrementAndGet();
    }

    /** The server's {@code Retry-After}, else a delay growing with the attempts, so a struggling stack is not hammered. */
    private static Duration retryDelay(PlatformClient.Answer answer, int attempt) {
        if (answer.status() != 0 && answer.retryAfterSeconds() > 0) {
            return Duration.ofSeconds(answer.retryAfterSeconds());
        }
        Duration growing = RETRY_DELAY.multipliedBy(attempt);
        return growing.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : growing;
    }

    static String method(TrafficEvent event) {
        return event.kind() == EventKind.PROFILE ? "PUT" : "POST";
    }

    static String path(TrafficEvent event) {
        String brand = "?brandId=" + encode(event.brandId());
        if (event instanceof TrafficEvent.ConversationClose close) {
            return "/api/v1/chat/conversations/" + encode(close.conversationId()) + "/close" + brand;
        }
        if (event instanceof TrafficEvent.CustomerProfile profile) {
            return "/api/v1/customers/" + encode(profile.customerId()) + brand;
        }
        if (event instanceof TrafficEvent.Reveal reveal) {
            return "/api/v1/customers/" + encode(reveal.customerId()) + "/reveal" + brand;
        }
        throw new IllegalArgumentException("not a single request: " + event.kind());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

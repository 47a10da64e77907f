package com.bpo.gateway.proxy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The breaker of one route. Closed, it lets everything through and counts consecutive failed exchanges; at
 * {@code failureThreshold} it opens and refuses everything for {@code openDuration}, so callers get 503 at once
 * instead of each waiting for a connect timeout. Then it lets exactly one probe through (half-open): success closes
 * it, failure opens it again for another period.
 *
 * <p>Every permit from {@link #tryAcquire()} is returned by exactly one of {@link #onSuccess}, {@link #onFailure}
 * or {@link #onAbandoned} (an exchange that ended without saying anything about the service, such as a client that
 * went away), so a probe can never be lost and leave the breaker half-open for good.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probeInFlight;

    public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier clock) {
        if (failureThreshold < 1 || openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("a breaker needs a threshold of at least 1 and a positive open time");
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.clock = clock;
    }

    /** A permit for one exchange, or {@code false} when the breaker refuses it now. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < openNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                probeInFlight = true;
                return true;
            case HALF_OPEN:
                if (probeInFlight) {
                    return false;
                }
                probeInFlight = true;
                return true;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    public synchronized void onFailure() {
        probeInFlight = false;
        if (state == State.HALF_OPEN || ++consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
    }

    /** The exchange ended without a verdict on the service; a probe may go again. */
    public synchronized void onAbandoned() {
        probeInFlight = false;
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until an open breaker lets a probe through (at least 1), for {@code Retry-After}. */
    public synchronized long secondsUntilProbe() {
        long remaining = openNanos - (clock.getAsLong() - openedAt);
        return Math.max(1, (long) Math.ceil(remaining / (double) TimeUnit.SECONDS.toNanos(1)));
    }
}

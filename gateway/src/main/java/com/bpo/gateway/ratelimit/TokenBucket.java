package com.bpo.gateway.ratelimit;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket: holds up to {@code burst} tokens, gains {@code rate} tokens a second, and every request takes
 * one. Time is passed in (nanoseconds of a monotonic clock), so the arithmetic is tested without waiting.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long updatedAt;

    TokenBucket(double ratePerSecond, int burst, long now) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException(
                    "a bucket needs a positive rate and a burst of at least 1: " + ratePerSecond + ", " + burst);
        }
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.updatedAt = now;
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 when the request may pass, else the whole seconds until a token will be there (at least 1)
     */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double missingNanos = (1 - tokens) / ratePerNano;
        return Math.max(1, (long) Math.ceil(missingNanos / NANOS_PER_SECOND));
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            updatedAt = now;
        }
    }
}

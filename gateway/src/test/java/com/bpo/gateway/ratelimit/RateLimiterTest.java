package com.bpo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.config.GatewayConfig.ClientBucketConfig;
import com.bpo.gateway.config.GatewayConfig.RateLimitConfig;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimiter limiter = limiter(settings(1, 2, 100, Map.of()));

        assertThat(limiter.acquire("bpo-cli")).isZero();
        assertThat(limiter.acquire("bpo-cli")).isZero();
        assertThat(limiter.acquire("bpo-cli")).isPositive();
        assertThat(limiter.acquire("integration-zongzi")).isZero();
    }

    @Test
    void clientOverrideReplacesOnlyWhatItSets() {
        RateLimiter limiter = limiter(settings(
                100, 1, 100, Map.of("integration-teahouse", override(OptionalDouble.empty(), OptionalInt.of(3)))));

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("integration-teahouse")).isZero();
        }
        assertThat(limiter.acquire("integration-teahouse")).isPositive();
        assertThat(limiter.acquire("bpo-cli")).isZero();
        assertThat(limiter.acquire("bpo-cli")).isPositive();
    }

    @Test
    void bucketsAreBoundedInNumber() {
        RateLimiter limiter = limiter(settings(1, 1, 10, Map.of()));

        for (int i = 0; i < 1000; i++) {
            limiter.acquire("client-" + i);
        }

        assertThat(limiter.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void idleBucketsAreForgotten() {
        AtomicLong ticker = new AtomicLong();
        RateLimitConfig config = settings(1, 1, 100, Map.of());
        RateLimiter limiter = new RateLimiter(
                config,
                registry,
                now::get,
                Caffeine.newBuilder().executor(Runnable::run).ticker(ticker::get));
        limiter.acquire("bpo-cli");

        ticker.addAndGet(Duration.ofMinutes(11).toNanos());

        assertThat(limiter.size()).isZero();
    }

    @Test
    void decisionsAreCountedPerClientAndOutcome() {
        RateLimiter limiter = limiter(settings(1, 1, 100, Map.of()));

        limiter.acquire("bpo-cli");
        limiter.acquire("bpo-cli");
        limiter.acquire("bpo-cli");

        assertThat(count("bpo-cli", "allowed")).isEqualTo(1);
        assertThat(count("bpo-cli", "limited")).isEqualTo(2);
    }

    private double count(String client, String outcome) {
        return registry.get("bpo.gateway.rate-limit.decisions")
                .tag("client", client)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private RateLimiter limiter(RateLimitConfig config) {
        return new RateLimiter(config, registry, now::get, Caffeine.newBuilder().executor(Runnable::run));
    }

    private static RateLimitConfig settings(
            double rate, int burst, int maxClients, Map<String, ClientBucketConfig> clients) {
        return new RateLimitConfig() {
            @Override
            public double rate() {
                return rate;
            }

            @Override
            public int burst() {
                return burst;
            }

            @Override
            public Map<String, ClientBucketConfig> clients() {
                return clients;
            }

            @Override
            public int maxClients() {
                return maxClients;
            }

            @Override
            public Duration idleEviction() {
                return Duration.ofMinutes(10);
            }
        };
    }

    private static ClientBucketConfig override(OptionalDouble rate, OptionalInt burst) {
        return new ClientBucketConfig() {
            @Override
            public OptionalDouble rate() {
                return rate;
            }

            @Override
            public OptionalInt burst() {
                return burst;
            }
        };
    }
}

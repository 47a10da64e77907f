package com.bpo.gateway.ratelimit;

import com.bpo.gateway.config.GatewayConfig;
import com.bpo.gateway.config.GatewayConfig.ClientBucketConfig;
import com.bpo.gateway.config.GatewayConfig.RateLimitConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Rate limits per client: one token bucket per client id (the token's {@code azp}), kept in memory. The map is
 * bounded ({@code max-clients}, least recently used out first) and forgets buckets idle for {@code idle-eviction}:
 * a forgotten bucket would have been full again, so evicting it changes no decision.
 *
 * <p>Metric {@code bpo.gateway.rate-limit.decisions{client, outcome}}. The client tag is bounded: it is the
 * {@code azp} of a token whose signature was verified, so only clients an administrator registered in the realm
 * (the console, the command-line client, one integration client per brand) can appear, never a user or a value a
 * caller makes up.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitConfig config;
    private final LongSupplier clock;
    private final MeterRegistry registry;
    private final Cache<String, TokenBucket> buckets;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(GatewayConfig config, MeterRegistry registry) {
        this(config.rateLimit(), registry, System::nanoTime, Caffeine.newBuilder());
    }

    RateLimiter(
            RateLimitConfig config, MeterRegistry registry, LongSupplier clock, Caffeine<Object, Object> cacheBuilder) {
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        this.buckets = cacheBuilder
                .maximumSize(config.maxClients())
                .expireAfterAccess(config.idleEviction())
                .build();
    }

    /**
     * Counts one request of {@code clientId}.
     *
     * @return 0 when it may pass, else the whole seconds to wait ({@code Retry-After})
     */
    public long acquire(String clientId) {
        TokenBucket bucket = buckets.get(clientId, this::newBucket);
        long retryAfter = bucket.tryTake(clock.getAsLong());
        counter(clientId, retryAfter == 0 ? "allowed" : "limited").increment();
        return retryAfter;
    }

    /** Buckets held now (after pending evictions). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private TokenBucket newBucket(String clientId) {
        ClientBucketConfig override = config.clients().get(clientId);
        double rate = override == null ? config.rate() : override.rate().orElse(config.rate());
        int burst = override == null ? config.burst() : override.burst().orElse(config.burst());
        return new TokenBucket(rate, burst, clock.getAsLong());
    }

    private Counter counter(String clientId, String outcome) {
        return counters.computeIfAbsent(
                clientId + '\n' + outcome, key -> Counter.builder("bpo.gateway.rate-limit.decisions")
                        .description("Requests of a client let through or refused by its rate limit")
                        .tag("client", clientId)
                        .tag("outcome", outcome)
                        .register(registry));
    }
}

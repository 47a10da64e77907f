package com.bpo.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.gateway.proxy.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(5), now::get);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        failTimes(2);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void successInBetweenStartsTheCountAgain() {
        failTimes(2);
        breaker.tryAcquire();
        breaker.onSuccess();
        failTimes(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void openBreakerLetsOneProbeThroughAfterTheOpenTime() {
        failTimes(3);
        now.addAndGet(Duration.ofMillis(4900).toNanos());
        assertThat(breaker.tryAcquire()).isFalse();

        now.addAndGet(Duration.ofMillis(100).toNanos());

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("only one probe at a time").isFalse();
    }

    @Test
    void successfulProbeClosesTheBreaker() {
        failTimes(3);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        breaker.tryAcquire();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void failedProbeOpensTheBreakerForAnotherPeriod() {
        failTimes(3);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        breaker.tryAcquire();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.secondsUntilProbe()).isEqualTo(5);
    }

    @Test
    void abandonedProbeLetsTheNextRequestProbe() {
        failTimes(3);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        breaker.tryAcquire();

        breaker.onAbandoned();

        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void retryAfterCountsDownInWholeSecondsRoundedUp() {
        failTimes(3);
        assertThat(breaker.secondsUntilProbe()).isEqualTo(5);

        now.addAndGet(Duration.ofMillis(3500).toNanos());
        assertThat(breaker.secondsUntilProbe()).isEqualTo(2);

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.secondsUntilProbe()).isEqualTo(1);
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }
}

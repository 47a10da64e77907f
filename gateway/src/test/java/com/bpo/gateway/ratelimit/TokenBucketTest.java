package com.bpo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long START = 1_000 * SECOND;

    @Test
    void fullBucketLetsTheWholeBurstThroughThenRefuses() {
        TokenBucket bucket = new TokenBucket(10, 4, START);

        for (int i = 0; i < 4; i++) {
            assertThat(bucket.tryTake(START)).isZero();
        }
        assertThat(bucket.tryTake(START)).isPositive();
    }

    @Test
    void tokensComeBackAtTheRate() {
        TokenBucket bucket = new TokenBucket(2, 1, START);
        assertThat(bucket.tryTake(START)).isZero();
        assertThat(bucket.tryTake(START + SECOND / 4)).isPositive();

        assertThat(bucket.tryTake(START + SECOND / 2)).isZero();
    }

    @Test
    void bucketNeverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 2, START);

        long later = START + 3600 * SECOND;
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    void retryAfterIsTheWaitForTheNextTokenRoundedUpToWholeSeconds() {
        TokenBucket slow = new TokenBucket(0.2, 1, START);
        slow.tryTake(START);

        assertThat(slow.tryTake(START)).isEqualTo(5);
        assertThat(slow.tryTake(START + SECOND / 10)).isEqualTo(5);
        assertThat(slow.tryTake(START + 4 * SECOND)).isEqualTo(1);
        assertThat(slow.tryTake(START + 5 * SECOND)).isZero();
    }

    @Test
    void fastBucketStillAsksForAtLeastOneSecond() {
        TokenBucket fast = new TokenBucket(1000, 1, START);
        fast.tryTake(START);

        assertThat(fast.tryTake(START)).isEqualTo(1);
    }

    @Test
    void refusedRequestsDoNotUseTokens() {
        TokenBucket bucket = new TokenBucket(1, 1, START);
        bucket.tryTake(START);
        for (int i = 0; i < 10; i++) {
            bucket.tryTake(START + i * SECOND / 20);
        }

        assertThat(bucket.tryTake(START + SECOND)).isZero();
    }

    @Test
    void clockGoingBackwardsAddsNoTokens() {
        TokenBucket bucket = new TokenBucket(1, 1, START);
        bucket.tryTake(START);

        assertThat(bucket.tryTake(START - 10 * SECOND)).isPositive();
    }

    @Test
    void nonsensicalSettingsAreRejected() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, START)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, START)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(Double.NaN, 1, START)).isInstanceOf(IllegalArgumentException.class);
    }
}

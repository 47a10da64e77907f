package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void eventsAreDueEvenlyAtTheRate() {
        Pacer pacer = new Pacer(10_000, 10);

        assertThat(pacer.due(0)).isZero();
        assertThat(pacer.due(SECOND / 1_000)).isEqualTo(10);
        assertThat(pacer.due(SECOND / 2)).isEqualTo(5_000);
        assertThat(pacer.due(60 * SECOND)).isEqualTo(600_000);
    }

    @Test
    void aPublisherThatFellBehindIsDueEverythingItMissed() {
        Pacer pacer = new Pacer(10_000, 10);

        // Nothing sent for 250 ms (a pause): the next look asks for all of it, not for one interval's worth.
        assertThat(pacer.due(SECOND + SECOND / 4) - pacer.due(SECOND)).isEqualTo(2_500);
    }

    @Test
    void timeBeforeTheStartDueNothing() {
        assertThat(new Pacer(10_000, 10).due(-SECOND)).isZero();
    }

    @Test
    void probesAreSpreadEvenlyAtTheirOwnRate() {
        Pacer pacer = new Pacer(10_000, 10);

        long probesInASecond =
                LongStream.range(0, pacer.due(SECOND)).filter(pacer::isProbe).count();

        assertThat(probesInASecond).isEqualTo(10);
        assertThat(pacer.isProbe(0)).isTrue();
        assertThat(pacer.isProbe(999)).isFalse();
        assertThat(pacer.isProbe(1_000)).isTrue();
    }

    @Test
    void moreProbesThanEventsAreRefused() {
        assertThatThrownBy(() -> new Pacer(5, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}

package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuAccountTest {

    @Test
    void cpuThisJvmBurnsIsChargedToItsParty() {
        CpuAccount account = new CpuAccount();
        account.add("this JVM", () -> List.of(ProcessHandle.current()), false);
        account.start();

        burnCpu(400_000_000L);
        CpuAccount.Usage usage = account.stop();

        assertThat(usage.cores()).containsOnlyKeys("this JVM");
        assertThat(usage.cores().get("this JVM")).isGreaterThan(0.05);
        assertThat(usage.availableCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(usage.busiestOthers()).noneMatch(other -> other.process()
                .startsWith("pid " + ProcessHandle.current().pid() + " "));
    }

    @Test
    void aProcessIsDescribedByItsPidProgramAndWhatItRuns() {
        String described = CpuAccount.describe(ProcessHandle.current());

        assertThat(described).startsWith("pid " + ProcessHandle.current().pid() + " java");
    }

    @Test
    void waitingForAQuietMachineEndsAsSoonAsItIsQuieterThanAsked() throws InterruptedException {
        long begin = System.nanoTime();

        double busy = CpuAccount.awaitQuiet(Runtime.getRuntime().availableProcessors() + 1, Duration.ofSeconds(30));

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        assertThat(busy).isBetween(0.0, Runtime.getRuntime().availableProcessors() + 0.01);
    }

    /** Spins until this thread has used {@code nanos} of CPU time. */
    private static void burnCpu(long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + nanos;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                sink += i * 31L ^ sink;
            }
        }
        assertThat(sink).isNotEqualTo(1);
    }
}

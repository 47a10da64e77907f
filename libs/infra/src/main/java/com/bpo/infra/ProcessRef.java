package com.bpo.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process identified by its pid and start time, so that a pid reused by the system after the process ended is
 * never mistaken for it.
 */
public record ProcessRef(long pid, long startMillis) {

    public static ProcessRef of(ProcessHandle handle) {
        return new ProcessRef(handle.pid(), startMillisOf(handle));
    }

    public static ProcessRef current() {
        return of(ProcessHandle.current());
    }

    /** The live process this reference names, if it still runs. */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> startMillis == 0 || startMillisOf(handle) == startMillis);
    }

    public boolean isAlive() {
        return handle().isPresent();
    }

    /**
     * Asks the process to end (SIGTERM), waits up to {@code grace}, then kills it (SIGKILL).
     *
     * @return true if the process is gone
     */
    public boolean terminate(Duration grace) {
        Optional<ProcessHandle> handle = handle();
        if (handle.isEmpty()) {
            return true;
        }
        handle.get().destroy();
        if (awaitExit(handle.get(), grace)) {
            return true;
        }
        handle.get().destroyForcibly();
        return awaitExit(handle.get(), Duration.ofSeconds(10));
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }

    private static long startMillisOf(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}

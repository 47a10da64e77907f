package com.bpo.local;

import com.bpo.infra.ProcessRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the supervisor publishes in {@code .bpo/stack.json}: itself and each service with its phase, pid and log. Pids
 * are {@link ProcessRef}s (pid and start time), so a pid the system reused after a crash is never taken for the
 * service.
 *
 * @param supervisor the supervisor process that runs the services
 * @param services every service of the stack, in start order
 */
public record StackState(ProcessRef supervisor, List<ServiceStatus> services) {

    /** Where a service is in its life. */
    public enum Phase {
        WAITING,
        STARTING,
        READY,
        FAILED,
        EXITED,
        STOPPED
    }

    /**
     * One service.
     *
     * @param name the service's name
     * @param url its base URL
     * @param logFile its log file
     * @param phase where it is
     * @param process its JVM, once ready
     * @param startMillis how long it took to get ready, once ready
     * @param message why it failed or exited
     */
    public record ServiceStatus(
            String name,
            String url,
            String logFile,
            Phase phase,
            ProcessRef process,
            long startMillis,
            String message) {

        public static ServiceStatus waiting(String name, String url, Path logFile) {
            return new ServiceStatus(name, url, logFile.toString(), Phase.WAITING, null, 0, null);
        }

        public ServiceStatus with(Phase newPhase) {
            return new ServiceStatus(name, url, logFile, newPhase, process, startMillis, message);
        }

        public ServiceStatus ready(ProcessRef newProcess, long millis) {
            return new ServiceStatus(name, url, logFile, Phase.READY, newProcess, millis, null);
        }

        public ServiceStatus failed(Phase newPhase, String why) {
            return new ServiceStatus(name, url, logFile, newPhase, process, startMillis, why);
        }

        /** Whether it is ready and its JVM still runs (the same process, not a reused pid). */
        public boolean isRunning() {
            return phase == Phase.READY && process != null && process.isAlive();
        }
    }

    public StackState {
        services = List.copyOf(services);
    }

    /** This state with {@code status} in place of the service of the same name. */
    public StackState with(ServiceStatus status) {
        List<ServiceStatus> updated = new ArrayList<>(services);
        for (int i = 0; i < updated.size(); i++) {
            if (updated.get(i).name().equals(status.name())) {
                updated.set(i, status);
                return new StackState(supervisor, updated);
            }
        }
        throw new IllegalArgumentException("no service " + status.name() + " in the stack state");
    }

    public Optional<ServiceStatus> service(String name) {
        return services.stream().filter(status -> status.name().equals(name)).findFirst();
    }

    /** Whether the supervisor runs and every service is ready and running. */
    public boolean isUp() {
        return supervisor.isAlive() && services.stream().allMatch(ServiceStatus::isRunning);
    }

    /** The first service that failed to start, if one did. */
    public Optional<ServiceStatus> failure() {
        return services.stream()
                .filter(status -> status.phase() == Phase.FAILED)
                .findFirst();
    }

    public static Optional<StackState> read(Path file) {
        try {
            return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), StackState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StackException("cannot read " + file + " (delete it if the stack is not running)", e);
        }
    }

    /** Writes the file atomically, so a reader sees the old or the new state, never half of one. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, Json.MAPPER.writeValueAsBytes(this));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

package com.bpo.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The stack's log files: which name is which file, the end of a log for error messages, and following one. */
final class Logs {

    private static final Duration FOLLOW_POLL = Duration.ofMillis(200);

    private Logs() {}

    /** Every log {@code bpo logs} knows, by name: the services, the servers, the supervisor and the last build. */
    static Map<String, Path> known(StackPaths paths, List<StackService> services) {
        Map<String, Path> logs = new LinkedHashMap<>();
        services.forEach(service -> logs.put(service.name(), paths.serviceLog(service.name())));
        for (String server : List.of("kafka", "postgres", "keycloak")) {
            logs.put(server, paths.infraState().resolve(server + ".log"));
        }
        logs.put("stack", paths.supervisorLog());
        logs.put("build", paths.buildLog());
        return logs;
    }

    /** The log called {@code name}. */
    static Path named(StackPaths paths, List<StackService> services, String name) {
        Path log = known(paths, services).get(name);
        if (log == null) {
            throw new IllegalArgumentException("no log called '" + name + "'; known: "
                    + String.join(", ", known(paths, services).keySet()));
        }
        return log;
    }

    /** The last {@code lines} lines of {@code file}, or a note that it has none. */
    static String tail(Path file, int lines) {
        if (!Files.isReadable(file)) {
            return "(" + file + " does not exist)";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - 256 * 1024);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            Deque<String> last = new ArrayDeque<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return String.join(System.lineSeparator(), last);
        } catch (IOException e) {
            return "(" + file + " cannot be read: " + e.getMessage() + ")";
        }
    }

    /**
     * Copies {@code file} to {@code out}; with {@code follow}, keeps copying what is appended until {@code stop} says
     * so. A log that is replaced by a shorter one (a service started again) is read again from its start.
     */
    static void copy(Path file, OutputStream out, boolean follow, BooleanSupplier stop) {
        long position = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            do {
                if (Files.isReadable(file)) {
                    long size = Files.size(file);
                    if (size < position) {
                        position = 0;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        in.skipNBytes(position);
                        int read;
                        while ((read = in.read(buffer)) > 0) {
                            out.write(buffer, 0, read);
                            position += read;
                        }
                    }
                    out.flush();
                }
                if (follow && !stop.getAsBoolean()) {
                    Thread.sleep(FOLLOW_POLL.toMillis());
                }
            } while (follow && !stop.getAsBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

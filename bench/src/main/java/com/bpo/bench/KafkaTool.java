package com.bpo.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of Kafka's own tools in a child JVM, its output in a log file, and answers that output. */
final class KafkaTool {

    private KafkaTool() {}

    /**
     * @throws BenchmarkException if the tool does not end within {@code timeout} or ends with an error, naming the log
     */
    static String run(String name, List<String> command, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process tool = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            tool.destroyForcibly();
            throw new BenchmarkException(
                    name + " did not finish within " + timeout.toMinutes() + " minutes; see " + log);
        }
        if (tool.exitValue() != 0) {
            throw new BenchmarkException(name + " exited with code " + tool.exitValue() + "; see " + log);
        }
        return Files.readString(log);
    }
}

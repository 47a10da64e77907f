package com.bpo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * What every benchmark's {@code main} does: parse the options (exit 2 with the usage when they are wrong), run, print
 * the summary, write the report to {@code bench/results/<name>-<date>-<time>.md} and exit 0, or exit 1 on failure.
 */
final class BenchmarkMain {

    /** One benchmark run with its options, in the repository {@code home}. */
    @FunctionalInterface
    interface Benchmark<O> {
        BenchmarkReport run(O options, Path home) throws Exception;
    }

    private BenchmarkMain() {}

    static <O> void run(String name, String[] args, Function<String[], O> parse, String usage, Benchmark<O> benchmark) {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(usage);
            System.exit(2);
            return;
        }
        Path home = Path.of(System.getProperty("bpo.bench.home", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
        try {
            BenchmarkReport report = benchmark.run(options, home);
            Path file = write(home, name, report);
            System.out.println();
            System.out.print(report.summary());
            System.out.println("report: " + file);
            System.exit(0);
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e.getMessage());
            if (!(e instanceof BenchmarkException)) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    private static Path write(Path home, String name, BenchmarkReport report) throws IOException {
        Path dir = home.resolve("bench/results");
        Files.createDirectories(dir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT));
        Path file = dir.resolve(name + "-" + stamp + ".md");
        Files.writeString(file, report.markdown(), StandardCharsets.UTF_8);
        return file;
    }
}

package com.bpo.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the services' fast-jars when they are missing or older than their sources: the service's module, the modules
 * it is also built from, and the shared libraries ({@code src/main} and {@code pom.xml} files; tests do not go into a jar), and the root pom.
 */
final class ServiceBuild {

    private static final Pattern MODULE_LINE = Pattern.compile("^\\[INFO] Building (.+?) [^ ]+ +\\[(\\d+)/(\\d+)]$");

    private ServiceBuild() {}

    /** The services whose runner jar is missing or older than a source it is built from. */
    static List<StackService> stale(Path root, List<StackService> services) {
        Path rootPom = root.resolve("pom.xml");
        Optional<FileTime> newestLibrarySource = Stream.of(
                        newest(root.resolve("libs")),
                        Files.isRegularFile(rootPom) ? Optional.of(lastModified(rootPom)) : Optional.<FileTime>empty())
                .flatMap(Optional::stream)
                .max(FileTime::compareTo);
        List<StackService> stale = new ArrayList<>();
        for (StackService service : services) {
            Path jar = root.resolve(service.runnerJar());
            if (!Files.isRegularFile(jar)) {
                stale.add(service);
                continue;
            }
            FileTime built = lastModified(jar);
            Optional<FileTime> newestSource = Stream.concat(
                            Stream.of(service.module()), service.builtAlsoFrom().stream())
                    .map(module -> newest(root.resolve(module)))
                    .flatMap(Optional::stream)
                    .max(FileTime::compareTo);
            boolean changed =
                    newestSource.map(time -> time.compareTo(built) > 0).orElse(false)
                            || newestLibrarySource
                                    .map(time -> time.compareTo(built) > 0)
                                    .orElse(false);
            if (changed) {
                stale.add(service);
            }
        }
        return stale;
    }

    /**
     * Packages the modules of {@code services} and what they depend on, tests skipped, with the output in
     * {@code logFile}; prints a line per module.
     */
    static void build(Path root, List<StackService> services, Path logFile, PrintStream out) {
        List<String> command = List.of(
                root.resolve("mvnw").toString(),
                "-B",
                "-ntp",
                "-Dmaven.test.skip=true",
                "package",
                "-pl",
                String.join(",", services.stream().map(StackService::module).toList()),
                "-am");
        try {
            Files.createDirectories(logFile.getParent());
            Process maven = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.println(line);
                    Matcher module = MODULE_LINE.matcher(line);
                    if (module.matches()) {
                        out.printf("  build %s/%s  %s%n", module.group(2), module.group(3), module.group(1));
                    }
                }
            }
            int exit = maven.waitFor();
            if (exit != 0) {
                throw new StackException("the build failed (exit code " + exit + "); last lines of " + logFile + ":"
                        + System.lineSeparator() + Logs.tail(logFile, 40));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while building");
        }
    }

    /** The newest modification time of the {@code src/main} files and {@code pom.xml}s under {@code dir}. */
    static Optional<FileTime> newest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> isSource(dir, file))
                    .map(ServiceBuild::lastModified)
                    .max(FileTime::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at the sources in " + dir, e);
        }
    }

    private static boolean isSource(Path dir, Path file) {
        Path relative = dir.relativize(file);
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".")) {
                return false;
            }
        }
        String path = relative.toString().replace('\\', '/');
        return file.getFileName().toString().equals("pom.xml") || path.contains("src/main/");
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

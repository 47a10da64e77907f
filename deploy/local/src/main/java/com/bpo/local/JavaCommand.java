package com.bpo.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/** The command lines of the launcher's own helper JVMs (the libs/infra command line, the supervisor). */
final class JavaCommand {

    private JavaCommand() {}

    /** The {@code java} of the running JVM, so the helpers run on the JDK the launcher runs on. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A JVM that only waits and polls: small heap, serial GC, quick start. */
    static List<String> smallJvm(String maxHeap) {
        return List.of(java(), "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    /** The launcher's class path (its jar, whose manifest names its dependencies). */
    static String classpath() {
        return System.getProperty("java.class.path");
    }

    /**
     * A class path for a JVM that runs as long as the stack (the supervisor). The build rewrites the launcher's jar in
     * place, which would pull the classes from under a running JVM; so the jar is copied into {@code runDir} first (a
     * new file each time: a running supervisor keeps reading its old one) and its manifest's libraries are named
     * directly (the build replaces those with new files rather than rewriting them).
     */
    static String longRunningClasspath(Path runDir) {
        return longRunningClasspath(classpath(), runDir);
    }

    static String longRunningClasspath(String classpath, Path runDir) {
        Path launcherJar = Path.of(classpath);
        if (classpath.contains(File.pathSeparator)
                || !classpath.endsWith(".jar")
                || !Files.isRegularFile(launcherJar)) {
            return classpath;
        }
        try {
            List<String> entries = new ArrayList<>();
            entries.add(copy(launcherJar, runDir).toString());
            try (JarFile jar = new JarFile(launcherJar.toFile())) {
                String manifestPath = jar.getManifest() == null
                        ? null
                        : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (manifestPath != null) {
                    for (String entry : manifestPath.trim().split("\\s+")) {
                        entries.add(launcherJar.resolveSibling(entry).toString());
                    }
                }
            }
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the supervisor's class path in " + runDir, e);
        }
    }

    private static Path copy(Path launcherJar, Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path target = runDir.resolve(launcherJar.getFileName());
        Path temp = runDir.resolve(launcherJar.getFileName() + ".tmp");
        Files.copy(launcherJar, temp, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}

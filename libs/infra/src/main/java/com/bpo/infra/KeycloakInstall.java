package com.bpo.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak distribution, unpacked once into the user's cache and optimised once with {@code kc.sh build};
 * every Keycloak started afterwards runs {@code start --optimized} and skips the build step.
 */
final class KeycloakInstall {

    private static final Pattern KC_SH = Pattern.compile("([^/]+)/bin/kc\\.sh");

    /** Build-time options; changing them makes the next start rebuild. */
    static final List<String> BUILD_OPTIONS =
            List.of("--db=dev-file", "--health-enabled=true", "--metrics-enabled=true");

    static final String HEAP = "-Xms128m -Xmx768m";

    private KeycloakInstall() {}

    /** Unpacks and builds the distribution if needed and returns its home directory. Safe across processes. */
    static Path prepare() throws IOException, InterruptedException {
        Path zip = InfraArtifacts.keycloakZip();
        Path cache = Files.createDirectories(Caches.root());
        String topDir = topDirectory(zip);
        Path home = cache.resolve(topDir);
        try (FileChannel channel = FileChannel.open(
                        cache.resolve(topDir + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                unpack(zip, topDir, cache, home);
            }
            Path marker = home.resolve(".bpo-build-options");
            String expected = String.join(" ", BUILD_OPTIONS);
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(expected)) {
                build(home);
                Files.writeString(marker, expected, StandardCharsets.UTF_8);
            }
        }
        return home;
    }

    private static String topDirectory(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                Matcher matcher = KC_SH.matcher(entries.nextElement().getName());
                if (matcher.matches()) {
                    return matcher.group(1);
                }
            }
        }
        throw new InfraException(zip + " holds no */bin/kc.sh; is it a Keycloak distribution?");
    }

    private static void unpack(Path zip, String topDir, Path cache, Path home) throws IOException {
        long begin = System.nanoTime();
        Path staging =
                cache.resolve(topDir + ".unpacking-" + ProcessHandle.current().pid());
        FileTrees.deleteQuietly(staging);
        String prefix = topDir + "/";
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix)) {
                    continue;
                }
                Path target = staging.resolve(entry.getName().substring(prefix.length()))
                        .normalize();
                if (!target.startsWith(staging)) {
                    throw new InfraException("zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (target.getFileName().toString().endsWith(".sh")) {
                    target.toFile().setExecutable(true);
                }
            }
        }
        FileTrees.deleteQuietly(home);
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        DaemonLog.info("unpacked " + zip.getFileName() + " into " + home + " in "
                + (System.nanoTime() - begin) / 1_000_000 + " ms");
    }

    private static void build(Path home) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        List<String> command =
                new ArrayList<>(List.of("sh", home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .inheritIO();
        environment(builder);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new InfraException("kc.sh build did not finish in 5 minutes");
        }
        if (process.exitValue() != 0) {
            throw new InfraException("kc.sh build failed with exit code " + process.exitValue());
        }
        DaemonLog.info("kc.sh build took " + (System.nanoTime() - begin) / 1_000_000 + " ms");
    }

    /** Keycloak runs on the JDK that runs the daemon, with a bounded heap. */
    static void environment(ProcessBuilder builder) {
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", HEAP);
    }
}

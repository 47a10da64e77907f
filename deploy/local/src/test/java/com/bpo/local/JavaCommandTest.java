package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandTest {

    @TempDir
    Path dir;

    private Path launcherJar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/infra.jar lib/simulator.jar");
        Path jar = Files.createDirectories(dir.resolve("target")).resolve("local-stack.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // A manifest is all the class path needs.
        }
        return jar;
    }

    @Test
    void aLongRunningJvmGetsItsOwnCopyOfTheLauncherAndTheLibrariesByName() throws Exception {
        Path jar = launcherJar();
        Path runDir = dir.resolve(".bpo/run");

        String classpath = JavaCommand.longRunningClasspath(jar.toString(), runDir);

        assertThat(classpath.split(File.pathSeparator))
                .containsExactly(
                        runDir.resolve("local-stack.jar").toString(),
                        dir.resolve("target/lib/infra.jar").toString(),
                        dir.resolve("target/lib/simulator.jar").toString());
        assertThat(runDir.resolve("local-stack.jar")).hasSameBinaryContentAs(jar);
    }

    @Test
    void eachCopyIsANewFileSoARunningSupervisorKeepsItsOwn() throws Exception {
        Path jar = launcherJar();
        Path runDir = dir.resolve(".bpo/run");
        JavaCommand.longRunningClasspath(jar.toString(), runDir);
        Object first = Files.readAttributes(runDir.resolve("local-stack.jar"), BasicFileAttributes.class)
                .fileKey();

        JavaCommand.longRunningClasspath(jar.toString(), runDir);

        Object second = Files.readAttributes(runDir.resolve("local-stack.jar"), BasicFileAttributes.class)
                .fileKey();
        assertThat(second).isNotEqualTo(first);
        assertThat(List.of(runDir.toFile().list())).containsExactly("local-stack.jar");
    }

    @Test
    void aClassPathOfSeveralEntriesIsUsedAsItIs() {
        String classpath = "target/classes" + File.pathSeparator + "lib/a.jar";

        assertThat(JavaCommand.longRunningClasspath(classpath, dir.resolve("run")))
                .isEqualTo(classpath);
        assertThat(dir.resolve("run")).doesNotExist();
    }
}

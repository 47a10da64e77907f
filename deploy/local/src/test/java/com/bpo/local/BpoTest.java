package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpoTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Bpo.run(
                StackEnvironment.defaults(root),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    @Test
    void aBadCommandLineExitsWith2AndShowsTheUsage() {
        int exit = run("up", "--everything");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--everything", "Usage: ./bpo");
    }

    @Test
    void statusOfAStackNeverStartedSaysDownAndExitsWith3() {
        int exit = run("status");

        assertThat(exit).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("kafka", "gateway", "http://127.0.0.1:8080", "not started")
                .doesNotContain(" up ");
    }

    @Test
    void statusOfAStackWithAPortOffsetShowsItsMovedUrls() {
        int exit = Bpo.run(
                new StackEnvironment(new StackPaths(root, root.resolve("other-stack")), 20000),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "status");

        assertThat(exit).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("http://127.0.0.1:28080", "http://127.0.0.1:28081", "http://127.0.0.1:28085")
                .doesNotContain("http://127.0.0.1:8080");
    }

    @Test
    void logsOfAServiceThatNeverRanSaySo() {
        int exit = run("logs", "gateway");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no gateway log yet");
    }

    @Test
    void simulateRefusesWhenTheStackIsNotUp() {
        int exit = run("simulate", "--days", "1");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the stack is not up", "./bpo up");
    }

    @Test
    void simulateRejectsABadOptionBeforeLookingForTheStack() {
        int exit = run("simulate", "--days", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--days");
    }

    @Test
    void durationsReadLikeProgress() {
        assertThat(Durations.format(Duration.ofMillis(8_149))).isEqualTo("8.1 s");
        assertThat(Durations.format(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
    }
}

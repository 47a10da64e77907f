package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {

    @TempDir
    Path root;

    @Test
    void servicesServersSupervisorAndBuildHaveLogs() {
        StackPaths paths = new StackPaths(root);

        assertThat(Logs.named(paths, StackServices.ALL, "agent-service"))
                .isEqualTo(root.resolve(".bpo/logs/agent-service.log"));
        assertThat(Logs.named(paths, StackServices.ALL, "kafka")).isEqualTo(root.resolve(".bpo/infra/kafka.log"));
        assertThat(Logs.named(paths, StackServices.ALL, "stack")).isEqualTo(root.resolve(".bpo/logs/stack.log"));
        assertThat(Logs.named(paths, StackServices.ALL, "build")).isEqualTo(root.resolve(".bpo/logs/build.log"));
    }

    @Test
    void anUnknownLogNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Logs.named(new StackPaths(root), StackServices.ALL, "ticket-service"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ticket-service")
                .hasMessageContaining("agent-service, analytics-service, gateway, kafka, postgres, keycloak");
    }

    @Test
    void tailGivesTheLastLines() throws Exception {
        Path log = Files.writeString(root.resolve("a.log"), "one\ntwo\nthree\nfour\n");

        assertThat(Logs.tail(log, 2)).isEqualTo("three" + System.lineSeparator() + "four");
    }

    @Test
    void tailOfAMissingLogSaysSo() {
        assertThat(Logs.tail(root.resolve("none.log"), 5)).contains("does not exist");
    }

    @Test
    void copyWithoutFollowPrintsTheWholeLog() throws Exception {
        Path log = Files.writeString(root.resolve("a.log"), "started\nready\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Logs.copy(log, out, false, () -> true);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("started\nready\n");
    }

    @Test
    void followingPrintsWhatIsAppendedAndStartsOverWhenTheLogIsReplaced() throws Exception {
        Path log = Files.writeString(root.resolve("a.log"), "first run line one\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicBoolean stop = new AtomicBoolean();
        Thread follower = new Thread(() -> Logs.copy(log, new SynchronizedOutput(out), true, stop::get));
        follower.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> text(out).contains("first run line one"));
            Files.writeString(log, "first run line two\n", StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(5)).until(() -> text(out).contains("first run line two"));

            Files.writeString(log, "second\n", StandardOpenOption.TRUNCATE_EXISTING);
            await().atMost(Duration.ofSeconds(5)).until(() -> text(out).endsWith("second\n"));
        } finally {
            stop.set(true);
            follower.join(5000);
        }
        assertThat(follower.isAlive()).isFalse();
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The follower writes while the test reads. */
    private static final class SynchronizedOutput extends java.io.OutputStream {
        private final ByteArrayOutputStream target;

        SynchronizedOutput(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (target) {
                target.write(bytes, offset, length);
            }
        }
    }
}

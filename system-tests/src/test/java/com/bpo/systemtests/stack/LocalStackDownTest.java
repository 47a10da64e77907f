package com.bpo.systemtests.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bpo.systemtests.stack.LocalStackRun.BpoCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./bpo down} of the tests' stack leaves nothing behind: no process the stack started, none whose command line
 * names the stack's home, no open port. Runs after every other class of the module (junit-platform.properties orders
 * classes by {@link Order}), since it stops the stack they share.
 */
@ExtendWith(LocalStackExtension.class)
@Order(Integer.MAX_VALUE)
class LocalStackDownTest {

    private final LocalStackRun stack;

    LocalStackDownTest(LocalStackRun stack) {
        this.stack = stack;
    }

    @Test
    void downStopsEveryProcessOfTheStackAndClosesItsPorts() {
        Map<Long, ProcessHandle> started = processesOfTheStack();
        assertThat(started)
                .as("supervisor, 3 services, 3 server daemons and their servers, with their helpers")
                .hasSizeGreaterThanOrEqualTo(10);

        BpoCommand down = stack.down();

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.output()).contains("no process of the stack is left");
        // Helpers (a watchdog's `sleep 1`) may outlive their parent by a second.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(started.values().stream().filter(ProcessHandle::isAlive).map(LocalStackDownTest::describe))
                    .as("processes the stack started")
                    .isEmpty();
            assertThat(namingTheHome().map(LocalStackDownTest::describe))
                    .as("processes whose command line names " + stack.home())
                    .isEmpty();
        });
        for (int fixedPort : LocalStackRun.FIXED_PORTS) {
            assertThat(accepts(stack.port(fixedPort)))
                    .as("port " + stack.port(fixedPort) + " is closed")
                    .isFalse();
        }
        assertThat(stack.home().resolve("stack.json")).doesNotExist();
    }

    /**
     * Every process the stack's state files name (supervisor, services, server daemons, servers), every process whose
     * command line names the stack's home, and all their descendants (watchdogs, PostgreSQL's workers).
     */
    private Map<Long, ProcessHandle> processesOfTheStack() {
        Map<Long, ProcessHandle> processes = new LinkedHashMap<>();
        List<Path> stateFiles = new ArrayList<>(List.of(stack.home().resolve("stack.json")));
        try (Stream<Path> infra = Files.list(stack.home().resolve("infra"))) {
            infra.filter(file -> file.toString().endsWith(".json")).forEach(stateFiles::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : stateFiles) {
            assertThat(file).as("state file of a running stack").isRegularFile();
            List<JsonNode> refs = new ArrayList<>();
            collectProcessRefs(readJson(file), refs);
            for (JsonNode ref : refs) {
                ProcessHandle.of(ref.path("pid").asLong())
                        .filter(handle ->
                                sameStart(handle, ref.path("startMillis").asLong()))
                        .ifPresent(handle -> processes.put(handle.pid(), handle));
            }
        }
        namingTheHome().forEach(handle -> processes.put(handle.pid(), handle));
        new ArrayList<>(processes.values())
                .forEach(parent -> parent.descendants().forEach(child -> processes.put(child.pid(), child)));
        return processes;
    }

    /** Every {@code {"pid": ..., "startMillis": ...}} object in a state file. */
    private static void collectProcessRefs(JsonNode node, List<JsonNode> refs) {
        if (node.isObject() && node.has("pid") && node.has("startMillis")) {
            refs.add(node);
        }
        node.forEach(child -> collectProcessRefs(child, refs));
    }

    /** A pid the system gave to another process since the state file was written is not the stack's. */
    private static boolean sameStart(ProcessHandle handle, long startMillis) {
        Optional<Instant> start = handle.info().startInstant();
        return start.isPresent() && Math.abs(start.get().toEpochMilli() - startMillis) < 2_000;
    }

    private Stream<ProcessHandle> namingTheHome() {
        String home = stack.home().toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(handle -> handle.info()
                .commandLine()
                .map(line -> line.contains(home))
                .orElse(false));
    }

    private static String describe(ProcessHandle handle) {
        return handle.pid() + " " + handle.info().commandLine().orElse("?");
    }

    private static JsonNode readJson(Path file) {
        try {
            return LocalStackRun.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

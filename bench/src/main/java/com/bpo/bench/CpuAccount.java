package com.bpo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time used by the processes of the run (the load generator, the service, each server) and by the whole machine
 * between two snapshots, so that the report can say who used the two cores. A server's time includes its child
 * processes (PostgreSQL's backends); a backend that ended between the snapshots is missing from it.
 */
final class CpuAccount {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final double MIN_OTHER_CORES = 0.02;
    private static final int OTHERS_LISTED = 6;

    private final Map<String, Supplier<List<ProcessHandle>>> parties = new LinkedHashMap<>();
    private final Map<String, Boolean> withChildren = new LinkedHashMap<>();
    private Map<String, Duration> startCpu;
    private Map<Long, Duration> startAll;
    private long[] startMachine;
    private long startNanos;

    /**
     * A party whose processes are looked up at each snapshot.
     *
     * @param children whether the processes' descendants count too (PostgreSQL's backends do; this JVM's servers,
     *     which are its descendants, are parties of their own)
     */
    void add(String name, Supplier<List<ProcessHandle>> processes, boolean children) {
        parties.put(name, processes);
        withChildren.put(name, children);
    }

    void start() {
        startNanos = System.nanoTime();
        startCpu = snapshot();
        startAll = allProcesses();
        startMachine = machineTicks();
    }

    /** Each party's share of one core since {@link #start()} (1.0 = one core busy all the time), then the machine's. */
    Usage stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Duration> endCpu = snapshot();
        Map<String, Double> cores = new LinkedHashMap<>();
        endCpu.forEach((name, cpu) -> {
            Duration used = cpu.minus(startCpu.getOrDefault(name, Duration.ZERO));
            cores.put(name, Math.max(0, used.toNanos() / 1e9 / seconds));
        });
        long[] endMachine = machineTicks();
        double machineBusy = Double.NaN;
        if (startMachine != null && endMachine != null) {
            long busy = endMachine[0] - startMachine[0];
            long total = endMachine[1] - startMachine[1];
            machineBusy = total == 0
                    ? 0
                    : (double) busy / total * Runtime.getRuntime().availableProcessors();
        }
        return new Usage(cores, machineBusy, Runtime.getRuntime().availableProcessors(), busiestOthers(seconds));
    }

    /** The processes outside the parties that used the most CPU since the start, busiest first. */
    private List<Other> busiestOthers(double seconds) {
        Set<Long> partyPids = new HashSet<>();
        parties.forEach((name, processes) -> processes.get().stream()
                .flatMap(process -> withChildren.get(name)
                        ? Stream.concat(Stream.of(process), process.descendants())
                        : Stream.of(process))
                .forEach(process -> partyPids.add(process.pid())));
        List<Other> others = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(process -> !partyPids.contains(process.pid()))
                .forEach(process -> {
                    Duration end = process.info().totalCpuDuration().orElse(Duration.ZERO);
                    Duration used = end.minus(startAll.getOrDefault(process.pid(), Duration.ZERO));
                    double cores = used.toNanos() / 1e9 / seconds;
                    if (cores >= MIN_OTHER_CORES) {
                        others.add(new Other(describe(process), cores));
                    }
                });
        others.sort(Comparator.comparingDouble(Other::cores).reversed());
        return List.copyOf(others.subList(0, Math.min(OTHERS_LISTED, others.size())));
    }

    private static Map<Long, Duration> allProcesses() {
        Map<Long, Duration> cpu = new HashMap<>();
        ProcessHandle.allProcesses()
                .forEach(process ->
                        cpu.put(process.pid(), process.info().totalCpuDuration().orElse(Duration.ZERO)));
        return cpu;
    }

    /** A short description of a process: its program and the part of its command line that names what it runs. */
    static String describe(ProcessHandle process) {
        String program = process.info()
                .command()
                .map(command -> command.substring(command.lastIndexOf('/') + 1))
                .orElse("?");
        String[] arguments = process.info().arguments().orElse(new String[0]);
        String what = "";
        for (int i = arguments.length - 1; i >= 0; i--) {
            String argument = arguments[i];
            // A main class or a jar says what a JVM runs; Maven's own JVM names its goals at the end.
            if (argument.matches("[a-z][\\w.]*\\.[A-Z]\\w*") || argument.endsWith(".jar")) {
                what = argument.substring(argument.lastIndexOf('/') + 1);
                break;
            }
        }
        return "pid " + process.pid() + " " + program + (what.isEmpty() ? "" : " " + what);
    }

    /** A process outside the parties and its CPU in cores. */
    record Other(String process, double cores) {}

    /**
     * @param cores each party's CPU in cores (1.0 = one core all the time)
     * @param machineCores the whole machine's busy time in cores, everything included (NaN where unknown)
     * @param availableCores the machine's cores
     * @param busiestOthers the processes outside the parties that used the most CPU
     */
    record Usage(Map<String, Double> cores, double machineCores, int availableCores, List<Other> busiestOthers) {

        /** What other processes of the machine (other builds, the system) used meanwhile. */
        double otherCores() {
            return Double.isNaN(machineCores)
                    ? Double.NaN
                    : Math.max(
                            0,
                            machineCores
                                    - cores.values().stream()
                                            .mapToDouble(Double::doubleValue)
                                            .sum());
        }
    }

    private Map<String, Duration> snapshot() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        parties.forEach((name, processes) -> cpu.put(
                name,
                processes.get().stream()
                        .flatMap(process -> withChildren.get(name)
                                ? Stream.concat(Stream.of(process), process.descendants())
                                : Stream.of(process))
                        .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus)));
        return cpu;
    }

    /**
     * Waits until the whole machine uses less than {@code cores} over one second, at most {@code timeout}.
     *
     * @return the busy cores of the last second measured; NaN where the machine's counters cannot be read
     */
    static double awaitQuiet(double cores, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double busy = Double.NaN;
        long[] before = machineTicks();
        while (before != null && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long[] after = machineTicks();
            if (after == null) {
                return Double.NaN;
            }
            long total = after[1] - before[1];
            busy = total == 0
                    ? 0
                    : (double) (after[0] - before[0])
                            / total
                            * Runtime.getRuntime().availableProcessors();
            if (busy < cores) {
                break;
            }
            before = after;
        }
        return busy;
    }

    /** Busy and total clock ticks of all cores from {@code /proc/stat}; null where there is none. */
    private static long[] machineTicks() {
        try {
            String cpuLine = Files.readAllLines(PROC_STAT).get(0);
            String[] fields = cpuLine.trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long ticks = Long.parseLong(fields[i]);
                total += ticks;
                if (i == 4 || i == 5) {
                    idle += ticks; // idle and iowait
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

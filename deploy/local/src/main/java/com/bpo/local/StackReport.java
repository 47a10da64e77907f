package com.bpo.local;

import com.bpo.infra.ProcessRef;
import com.bpo.infra.ServerKind;
import com.bpo.infra.ServerState;
import com.bpo.local.StackState.ServiceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What {@code bpo status} prints: one line per server and per service, up or down, with its URL and pid. A pid in a
 * state file whose process has ended (or was reused by another process) reads as down.
 */
final class StackReport {

    /** One line of the report. */
    record Line(String name, boolean up, String where, String detail) {

        String format() {
            return String.format("%-18s %-5s %-28s %s", name, up ? "up" : "down", where, detail)
                    .stripTrailing();
        }
    }

    private StackReport() {}

    /**
     * @param servers the servers' state files, live or stale
     * @param stack the supervisor's state file, if there is one
     * @param services the stack's services
     * @param ready whether a service answers its readiness check (given its base URL)
     */
    static List<Line> lines(
            Map<ServerKind, ServerState> servers,
            Optional<StackState> stack,
            List<StackService> services,
            Predicate<String> ready) {
        List<Line> lines = new ArrayList<>();
        for (ServerKind kind : ServerKind.values()) {
            lines.add(server(kind, Optional.ofNullable(servers.get(kind))));
        }
        for (StackService service : services) {
            Optional<ServiceStatus> status = stack.flatMap(state -> state.service(service.name()));
            lines.add(service(service, status, ready));
        }
        return lines;
    }

    /** Whether every line is up. */
    static boolean allUp(List<Line> lines) {
        return lines.stream().allMatch(Line::up);
    }

    private static Line server(ServerKind kind, Optional<ServerState> state) {
        String name = kind.id();
        if (state.isEmpty()) {
            return new Line(name, false, "", "not started");
        }
        ServerState server = state.get();
        String where = kind == ServerKind.KAFKA || kind == ServerKind.POSTGRES
                ? server.host() + ":" + server.port()
                : "http://" + server.host() + ":" + server.port();
        if (!server.daemon().isAlive()) {
            return new Line(
                    name, false, where, "stale: daemon pid " + server.daemon().pid() + " is gone");
        }
        Optional<ProcessRef> process =
                server.servers().stream().filter(ProcessRef::isAlive).findFirst();
        return process.map(ref -> new Line(name, true, where, "pid " + ref.pid()))
                .orElseGet(() -> new Line(
                        name, false, where, "daemon pid " + server.daemon().pid() + " runs, but its server does not"));
    }

    private static Line service(StackService service, Optional<ServiceStatus> status, Predicate<String> ready) {
        String where = service.url();
        if (status.isEmpty()) {
            return new Line(service.name(), false, where, "not started");
        }
        ServiceStatus current = status.get();
        return switch (current.phase()) {
            case WAITING, STARTING -> new Line(service.name(), false, where, "starting");
            case FAILED, EXITED -> new Line(service.name(), false, where, firstLine(current.message()));
            case STOPPED -> new Line(service.name(), false, where, "stopped");
            case READY -> {
                if (current.process() == null || !current.process().isAlive()) {
                    long pid = current.process() == null ? 0 : current.process().pid();
                    yield new Line(service.name(), false, where, "pid " + pid + " is gone");
                }
                boolean answers = ready.test(service.url());
                yield new Line(
                        service.name(),
                        answers,
                        where,
                        "pid " + current.process().pid()
                                + (answers ? "" : ", not ready (see ./bpo logs " + service.name() + ")"));
            }
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "failed";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}

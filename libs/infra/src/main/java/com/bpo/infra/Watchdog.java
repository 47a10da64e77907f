package com.bpo.infra;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Ends a server process when its daemon dies without stopping it (SIGKILL): a tiny shell loop that polls the
 * daemon's pid once a second. It is destroyed first on an orderly stop, so it never signals a reused pid.
 */
final class Watchdog {

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** Watches {@code daemon}; when it is gone, sends {@code signal} (e.g. {@code INT}) to {@code server}. */
    static Watchdog start(ProcessRef daemon, ProcessRef server, String signal) throws IOException {
        String script = "while kill -0 \"$0\" 2>/dev/null; do sleep 1; done; kill -" + signal + " \"$1\" 2>/dev/null";
        Process process = new ProcessBuilder(
                        List.of("sh", "-c", script, Long.toString(daemon.pid()), Long.toString(server.pid())))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
        return new Watchdog(process);
    }

    void cancel() {
        process.destroy();
    }
}

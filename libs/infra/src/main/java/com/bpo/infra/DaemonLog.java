package com.bpo.infra;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The log of a daemon JVM: lines on standard error, which the launcher sends to {@code <stateDir>/<kind>.log}.
 * Not java.util.logging, because its LogManager drops messages logged from shutdown hooks, which is exactly when a
 * daemon stops its server.
 */
final class DaemonLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private DaemonLog() {}

    static void info(String message) {
        write("INFO ", message);
    }

    static void warn(String message) {
        write("WARN ", message);
    }

    static void error(String message, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        write("ERROR", message + System.lineSeparator() + trace);
    }

    private static synchronized void write(String level, String message) {
        System.err.println(LocalTime.now().format(TIME) + " " + level + " [bpo-infra] " + message);
        System.err.flush();
    }
}

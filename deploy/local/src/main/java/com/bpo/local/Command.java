package com.bpo.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A parsed {@code bpo} command line. */
public sealed interface Command {

    String USAGE =
            """
            Usage: ./bpo <command> [options]

              up [--fresh] [--no-build]   Build what changed, start Kafka, PostgreSQL, Keycloak and every service,
                                          load the demo data, print the URLs and logins. Data is kept across
                                          down/up; --fresh deletes it first. --no-build runs the jars as they are.
              status                      Each server and service: up or down, URL and pid.
              logs NAME [-f]              Print a log (-f: and follow it). NAME: a service, kafka, postgres,
                                          keycloak, stack (the supervisor) or build (the last build).
              down                        Stop every service, then the servers. Nothing keeps running.
              simulate [options]          Send simulated traffic through the gateway, e.g.
                                          ./bpo simulate --scenario dragon-boat-peak --days 1 --speed 3600
                                          (options: --scenario, --days, --speed, --rate, --seed)
              help                        This text.
            """;

    /** {@code up}: start the stack. */
    record Up(boolean fresh, boolean build) implements Command {}

    /** {@code status}. */
    record Status() implements Command {}

    /** {@code logs NAME [-f]}. */
    record Logs(String name, boolean follow) implements Command {}

    /** {@code down}. */
    record Down() implements Command {}

    /** {@code simulate ...}: the options go to the simulator as they are. */
    record Simulate(List<String> options) implements Command {

        public Simulate {
            options = List.copyOf(options);
        }
    }

    /** {@code help}. */
    record Help() implements Command {}

    /**
     * Parses a command line.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Command parse(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        List<String> options = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        return switch (args[0]) {
            case "up" -> parseUp(options);
            case "status" -> noOptions("status", options, new Status());
            case "down" -> noOptions("down", options, new Down());
            case "logs" -> parseLogs(options);
            case "simulate" -> new Simulate(options);
            case "help", "--help", "-h" -> new Help();
            default -> throw new IllegalArgumentException("unknown command: " + args[0]);
        };
    }

    private static Command parseUp(List<String> options) {
        boolean fresh = false;
        boolean build = true;
        for (String option : options) {
            switch (option) {
                case "--fresh" -> fresh = true;
                case "--no-build" -> build = false;
                default -> throw new IllegalArgumentException("up: unknown option " + option);
            }
        }
        return new Up(fresh, build);
    }

    private static Command parseLogs(List<String> options) {
        boolean follow = options.remove("-f") | options.remove("--follow");
        if (options.size() != 1 || options.get(0).startsWith("-")) {
            throw new IllegalArgumentException("logs: name one log, e.g. ./bpo logs agent-service -f");
        }
        return new Logs(options.get(0), follow);
    }

    private static Command noOptions(String command, List<String> options, Command parsed) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException(command + ": takes no options, got " + String.join(" ", options));
        }
        return parsed;
    }
}

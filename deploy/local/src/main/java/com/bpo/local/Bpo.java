package com.bpo.local;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The {@code bpo} command: the local stack's launcher ({@code ./bpo} at the repository root runs it). See
 * {@code docs/local-stack.md}.
 */
public final class Bpo {

    private Bpo() {}

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("bpo.home", System.getProperty("user.dir")));
        StackEnvironment environment;
        try {
            environment = StackEnvironment.read(root, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(environment, System.out, System.err, args));
    }

    /**
     * Runs one command on the stack {@code environment} names; the exit code is 0 on success, 1 on failure, 2 for a
     * bad command line, 3 if not all up.
     */
    static int run(StackEnvironment environment, PrintStream out, PrintStream err, String... args) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.print(Command.USAGE);
            return 2;
        }
        LocalStack stack = new LocalStack(environment, StackServices.ALL, out);
        try {
            if (command instanceof Command.Up up) {
                stack.up(up.fresh(), up.build());
                return 0;
            } else if (command instanceof Command.Down) {
                return stack.down() ? 0 : 1;
            } else if (command instanceof Command.Status) {
                return stack.status() ? 0 : 3;
            } else if (command instanceof Command.Logs logs) {
                stack.logs(logs.name(), logs.follow());
                return 0;
            } else if (command instanceof Command.Simulate simulate) {
                stack.simulate(simulate.options());
                return 0;
            } else {
                out.print(Command.USAGE);
                return 0;
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("bpo " + args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }
}

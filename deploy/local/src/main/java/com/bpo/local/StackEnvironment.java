package com.bpo.local;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which stack a {@code bpo} command works on. By default the developer's own: state in {@code <root>/.bpo}, the fixed
 * ports of ARCHITECTURE section 8. Two environment variables make another one beside it (the system tests' stack):
 *
 * <ul>
 *   <li>{@value #HOME_VARIABLE}: the state folder instead of {@code <root>/.bpo} (relative to the current folder);
 *   <li>{@value #PORT_OFFSET_VARIABLE}: added to every fixed port, servers and services alike.
 * </ul>
 *
 * @param paths the stack's files
 * @param portOffset added to every fixed port; 0 for the developer's stack
 */
public record StackEnvironment(StackPaths paths, int portOffset) {

    public static final String HOME_VARIABLE = "BPO_STACK_HOME";
    public static final String PORT_OFFSET_VARIABLE = "BPO_STACK_PORT_OFFSET";

    /** The highest fixed port of the stack (Kafka's); an offset must keep it a valid port. */
    static final int HIGHEST_FIXED_PORT = InfraServers.KAFKA_PORT;

    static final int MAX_PORT_OFFSET = 65535 - HIGHEST_FIXED_PORT;

    public StackEnvironment {
        if (portOffset < 0 || portOffset > MAX_PORT_OFFSET) {
            throw new IllegalArgumentException(
                    PORT_OFFSET_VARIABLE + " must be from 0 to " + MAX_PORT_OFFSET + ", got " + portOffset);
        }
    }

    /** The developer's stack of the repository at {@code root}. */
    public static StackEnvironment defaults(Path root) {
        return new StackEnvironment(new StackPaths(root), 0);
    }

    /**
     * The stack the variables name; an empty or absent variable keeps the default.
     *
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static StackEnvironment read(Path root, Map<String, String> variables) {
        String home = variables.getOrDefault(HOME_VARIABLE, "").strip();
        String offset = variables.getOrDefault(PORT_OFFSET_VARIABLE, "").strip();
        StackPaths paths;
        try {
            paths = home.isEmpty() ? new StackPaths(root) : new StackPaths(root, Path.of(home));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(HOME_VARIABLE + " is not a path: '" + home + "'");
        }
        int portOffset;
        try {
            portOffset = offset.isEmpty() ? 0 : Integer.parseInt(offset);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_OFFSET_VARIABLE + " must be a whole number, got '" + offset + "'");
        }
        return new StackEnvironment(paths, portOffset);
    }
}

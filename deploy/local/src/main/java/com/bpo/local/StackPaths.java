package com.bpo.local;

import java.nio.file.Path;

/**
 * Where the local stack keeps its files: all under its home, {@code .bpo/} of the repository root (ignored by git)
 * unless {@code BPO_STACK_HOME} names another folder ({@link StackEnvironment}).
 *
 * @param root the repository root
 * @param home the stack's state folder
 */
public record StackPaths(Path root, Path home) {

    public StackPaths {
        root = root.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
    }

    /** The default home, {@code <root>/.bpo}. */
    public StackPaths(Path root) {
        this(root, root.toAbsolutePath().normalize().resolve(".bpo"));
    }

    /** The servers' data (Kafka log, PostgreSQL cluster, Keycloak database); deleted by {@code up --fresh}. */
    public Path data() {
        return home().resolve("data");
    }

    /** The server daemons' state files and logs. */
    public Path infraState() {
        return home().resolve("infra");
    }

    public Path logs() {
        return home().resolve("logs");
    }

    public Path serviceLog(String service) {
        return logs().resolve(service + ".log");
    }

    /** The supervisor's own log. */
    public Path supervisorLog() {
        return logs().resolve("stack.log");
    }

    /** The output of the last build {@code up} ran. */
    public Path buildLog() {
        return logs().resolve("build.log");
    }

    /** The supervisor's own copy of the launcher jar, which a build cannot change under it. */
    public Path runDir() {
        return home().resolve("run");
    }

    public Path secrets() {
        return home().resolve("secrets");
    }

    /** Which services run, with their pids: written by the supervisor. */
    public Path stackState() {
        return home().resolve("stack.json");
    }

    public Path realmFile() {
        return root.resolve("deploy/keycloak/bpo-realm.json");
    }
}

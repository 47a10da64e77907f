package com.bpo.infra;

import com.bpo.contracts.Topics.TopicSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of a server daemon JVM: hosts one server, publishes its state file once the server answers, and stops
 * the server and deletes the state file when its owner process ends, when it gets SIGTERM, or when the command line
 * stops it (which sends SIGTERM).
 */
public final class ServerDaemon {

    private final DaemonContext context;
    private final ProcessRef owner;
    private final HostedServer server;
    private boolean stopped;

    private ServerDaemon(DaemonContext context, ProcessRef owner, HostedServer server) {
        this.context = context;
        this.owner = owner;
        this.server = server;
    }

    public static void main(String[] args) {
        ServerDaemon daemon;
        try {
            daemon = fromArguments(args);
        } catch (RuntimeException e) {
            DaemonLog.error("bad daemon arguments: " + String.join(" ", args), e);
            System.exit(64);
            return;
        }
        daemon.run();
    }

    private void run() {
        ServerKind kind = context.spec().kind();
        DaemonLog.info("daemon " + context.daemon().pid() + " starting " + kind.id()
                + (owner == null ? " with no owner" : " for owner process " + owner.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, kind.id() + "-daemon-shutdown"));
        if (owner != null && !owner.isAlive()) {
            DaemonLog.warn("owner process " + owner.pid() + " has already ended; not starting " + kind.id());
            System.exit(3);
        }
        HostedServer.Started started;
        try {
            long begin = System.nanoTime();
            started = server.start();
            new ServerState(
                            kind.id(),
                            context.daemon(),
                            started.servers(),
                            owner,
                            started.host(),
                            started.port(),
                            started.properties(),
                            context.stateDir().resolve(kind.id() + ".log").toString())
                    .write(context.stateDir());
            DaemonLog.info(kind.id() + " answers on " + started.host() + ":" + started.port() + " after "
                    + (System.nanoTime() - begin) / 1_000_000 + " ms");
        } catch (Throwable e) {
            DaemonLog.error(kind.id() + " failed to start", e);
            System.exit(1);
            return;
        }
        watch(kind);
    }

    /** Polls about once a second: the daemon lives as long as its owner and its server. */
    private void watch(ServerKind kind) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(0);
            }
            if (owner != null && !owner.isAlive()) {
                DaemonLog.info("owner process " + owner.pid() + " ended; stopping " + kind.id());
                System.exit(0);
            }
            if (!server.isRunning()) {
                DaemonLog.warn(kind.id() + " stopped unexpectedly; see the lines above");
                System.exit(2);
            }
        }
    }

    private synchronized void shutdown() {
        if (stopped) {
            return;
        }
        stopped = true;
        ServerKind kind = context.spec().kind();
        // The state goes first so that nobody picks up a server that is going away.
        ServerState.deleteIfOwnedBy(context.stateDir(), kind, context.daemon());
        long begin = System.nanoTime();
        server.stop();
        DaemonLog.info(kind.id() + " stopped in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
    }

    static ServerDaemon fromArguments(String[] args) {
        ServerKind kind = null;
        Path stateDir = null;
        Path dataDir = null;
        int port = 0;
        ProcessRef owner = null;
        List<TopicSpec> topics = new ArrayList<>();
        List<Path> realms = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "kind" -> kind = ServerKind.fromId(value);
                case "state-dir" -> stateDir = Path.of(value);
                case "data-dir" -> dataDir = Path.of(value);
                case "port" -> port = Integer.parseInt(value);
                case "owner" -> {
                    String[] parts = value.split(":");
                    owner = new ProcessRef(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                }
                case "topic" -> {
                    String[] parts = value.split(":");
                    topics.add(new TopicSpec(parts[0], Integer.parseInt(parts[1]), "compact".equals(parts[2])));
                }
                case "realm" -> realms.add(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        if (kind == null || stateDir == null) {
            throw new IllegalArgumentException("--kind and --state-dir are required");
        }
        ServerSpec spec = new ServerSpec(kind, port, dataDir, topics, realms);
        DaemonContext context = new DaemonContext(spec, stateDir.toAbsolutePath(), ProcessRef.current());
        HostedServer server =
                switch (kind) {
                    case KAFKA -> new KafkaServer(context);
                    case POSTGRES -> new PostgresServer(context);
                    case KEYCLOAK -> new KeycloakServer(context);
                };
        return new ServerDaemon(context, owner, server);
    }
}

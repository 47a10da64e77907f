package com.bpo.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Command line for the local stack's servers: {@code start}, {@code status} and {@code stop}. The servers it starts
 * have no owner: they run, on the local-stack ports of ARCHITECTURE section 8, until {@code stop}, and keep their
 * data in the data directory across restarts. {@code libs/infra/infra} runs it from the built module.
 */
public final class InfraCli {

    static final int KAFKA_PORT = 19092;
    static final int POSTGRES_PORT = 15432;
    static final int KEYCLOAK_PORT = 8180;
    static final List<String> SERVICE_DATABASES = List.of("agent", "ticket", "qa", "privacy_audit", "analytics");

    private static final String USAGE =
            """
            Usage: infra <command> [options]

              start   Start the servers (those already running are reused) and print their addresses.
                        --kafka-port N       Kafka port (default 19092)
                        --postgres-port N    PostgreSQL port (default 15432)
                        --keycloak-port N    Keycloak port (default 8180)
                        --data-dir DIR       where the servers keep their data (default <home>/.bpo/data)
                        --databases a,b      service databases to create if missing
                                             (default agent,ticket,qa,privacy_audit,analytics)
                        --realm FILE         Keycloak realm file to import, repeatable
                                             (default <home>/deploy/keycloak/bpo-realm.json when it exists)
                        --only kafka,...     start only these of kafka, postgres, keycloak
              status  Print what runs and where; --json for a machine-readable form.
              stop    Stop the servers (--only kafka,... to stop some of them).

            Common option: --state-dir DIR (default <home>/.bpo/infra). <home> is the system property
            bpo.infra.home (the repository root when run through libs/infra/infra), else the current directory.
            """;

    private final PrintStream out;
    private final PrintStream err;

    InfraCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new InfraCli(System.out, System.err).run(args));
    }

    int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        ServerLauncher launcher = new ServerLauncher(options.stateDir, null);
        try {
            return switch (options.command) {
                case "start" -> start(launcher, options);
                case "status" -> status(launcher, options);
                case "stop" -> stop(launcher, options);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("unknown command: " + options.command);
                    err.println();
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (InfraException | CompletionException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            err.println("infra " + options.command + " failed: " + cause.getMessage());
            return 1;
        }
    }

    private int start(ServerLauncher launcher, Options options) {
        List<CompletableFuture<ServerState>> starting = new ArrayList<>();
        for (ServerKind kind : options.only) {
            ServerSpec spec = spec(kind, options);
            // The servers start independently; starting them together saves most of Kafka's and PostgreSQL's time.
            starting.add(CompletableFuture.supplyAsync(() -> launcher.ensureRunning(spec)));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        for (CompletableFuture<ServerState> started : starting) {
            ServerState state = started.join();
            if (state.serverKind() == ServerKind.POSTGRES) {
                PostgresEndpoint postgres = PostgresEndpoint.from(state);
                options.databases.forEach(name -> postgres.createServiceDatabase(name, false));
            }
        }
        printStatus(launcher, options.stateDir);
        return 0;
    }

    private static ServerSpec spec(ServerKind kind, Options options) {
        return switch (kind) {
            case KAFKA -> ServerSpec.kafka().withPort(options.kafkaPort).withDataDir(options.dataDir);
            case POSTGRES ->
                ServerSpec.postgres().withPort(options.postgresPort).withDataDir(options.dataDir);
            case KEYCLOAK ->
                ServerSpec.keycloak(options.realms)
                        .withPort(options.keycloakPort)
                        .withDataDir(options.dataDir);
        };
    }

    private int status(ServerLauncher launcher, Options options) {
        if (options.json) {
            printJson(launcher);
        } else {
            printStatus(launcher, options.stateDir);
        }
        return 0;
    }

    private int stop(ServerLauncher launcher, Options options) {
        for (ServerKind kind : options.only) {
            Optional<ServerState> stopped = launcher.stop(kind);
            out.printf(
                    "%-9s %s%n",
                    kind.id(),
                    stopped.map(state -> "stopped (daemon " + state.daemon().pid() + ")")
                            .orElse("was not running"));
        }
        return 0;
    }

    private void printStatus(ServerLauncher launcher, Path stateDir) {
        for (ServerKind kind : ServerKind.values()) {
            Optional<ServerState> running = launcher.running(kind);
            if (running.isEmpty()) {
                out.printf("%-9s not running%n", kind.id());
                continue;
            }
            ServerState state = running.get();
            switch (kind) {
                case KAFKA ->
                    out.printf("%-9s %s%n", "kafka", KafkaEndpoint.from(state).bootstrapServers());
                case POSTGRES -> {
                    PostgresEndpoint postgres = PostgresEndpoint.from(state);
                    out.printf(
                            "%-9s %s:%d  superuser %s / %s%n",
                            "postgres",
                            postgres.host(),
                            postgres.port(),
                            postgres.superuser(),
                            postgres.superuserPassword());
                    for (ServiceDatabase database : postgres.serviceDatabases()) {
                        out.printf(
                                "%-9s   %-14s %s  owner %s / %s  app %s / %s%n",
                                "",
                                database.name(),
                                database.jdbcUrl(),
                                database.owner().username(),
                                database.owner().password(),
                                database.app().username(),
                                database.app().password());
                    }
                }
                case KEYCLOAK -> {
                    KeycloakEndpoint keycloak = KeycloakEndpoint.from(state);
                    out.printf(
                            "%-9s %s  admin %s / %s  realms %s%n",
                            "keycloak",
                            keycloak.url(),
                            keycloak.adminUsername(),
                            keycloak.adminPassword(),
                            keycloak.realms().isEmpty() ? "(none)" : String.join(",", keycloak.realms()));
                }
            }
        }
        out.println("state and logs: " + stateDir);
    }

    private void printJson(ServerLauncher launcher) {
        Map<String, Object> status = new LinkedHashMap<>();
        launcher.running(ServerKind.KAFKA).map(KafkaEndpoint::from).ifPresent(kafka -> status.put("kafka", kafka));
        launcher.running(ServerKind.POSTGRES).map(PostgresEndpoint::from).ifPresent(postgres -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("endpoint", postgres);
            entry.put("databases", postgres.serviceDatabases());
            status.put("postgres", entry);
        });
        launcher.running(ServerKind.KEYCLOAK)
                .map(KeycloakEndpoint::from)
                .ifPresent(keycloak -> status.put("keycloak", keycloak));
        try {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(status));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InfraException("cannot print the status as JSON", e);
        }
    }

    /** Parsed command line. */
    static final class Options {
        String command;
        Path stateDir;
        Path dataDir;
        int kafkaPort = KAFKA_PORT;
        int postgresPort = POSTGRES_PORT;
        int keycloakPort = KEYCLOAK_PORT;
        List<String> databases = SERVICE_DATABASES;
        List<Path> realms = new ArrayList<>();
        Set<ServerKind> only = EnumSet.allOf(ServerKind.class);
        boolean json;

        static Options parse(String[] args) {
            Options options = new Options();
            Path home = Path.of(System.getProperty("bpo.infra.home", System.getProperty("user.dir")));
            options.stateDir = home.resolve(".bpo/infra");
            options.dataDir = home.resolve(".bpo/data");
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("no command given");
            }
            options.command = rest.remove(0);
            for (int i = 0; i < rest.size(); i++) {
                String option = rest.get(i);
                if (option.equals("--json")) {
                    options.json = true;
                    continue;
                }
                if (i + 1 >= rest.size()) {
                    throw new IllegalArgumentException("unknown option or missing value: " + option);
                }
                String value = rest.get(++i);
                switch (option) {
                    case "--kafka-port" -> options.kafkaPort = port(value);
                    case "--postgres-port" -> options.postgresPort = port(value);
                    case "--keycloak-port" -> options.keycloakPort = port(value);
                    case "--data-dir" -> options.dataDir = Path.of(value);
                    case "--state-dir" -> options.stateDir = Path.of(value);
                    case "--databases" -> options.databases = list(value);
                    case "--realm" -> options.realms.add(Path.of(value));
                    case "--only" -> {
                        options.only = EnumSet.noneOf(ServerKind.class);
                        list(value).forEach(kind -> options.only.add(ServerKind.fromId(kind)));
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + option);
                }
            }
            if (options.realms.isEmpty()) {
                Path defaultRealm = home.resolve("deploy/keycloak/bpo-realm.json");
                if (Files.isRegularFile(defaultRealm)) {
                    options.realms.add(defaultRealm);
                }
            }
            return options;
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("not a port: " + value);
        }

        private static List<String> list(String value) {
            return Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(item -> !item.isEmpty())
                    .toList();
        }
    }
}

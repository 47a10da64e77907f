package com.bpo.systemtests.stack;

import com.bpo.infra.ServerKind;
import com.bpo.infra.ServerState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform as a user runs it, once per test run: {@code ./bpo up --fresh --no-build} on a stack of its own
 * ({@code BPO_STACK_HOME} = {@code system-tests/target/local-stack}, {@code BPO_STACK_PORT_OFFSET} = 10000, so a
 * developer's own stack in {@code .bpo/} on the fixed ports is never touched), then a short seeded simulation,
 * {@code ./bpo simulate --days 1 --speed 3600 --seed 7}. Closing it runs {@code ./bpo down}.
 *
 * <p>Test classes get the one shared run with {@link #shared(ExtensionContext)}, most simply through
 * {@code @ExtendWith(LocalStackExtension.class)} and a constructor or method parameter of this type. It lives in
 * JUnit's root store, so every class of the test JVM (the console's browser tests included) uses the same stack, and
 * JUnit closes it after the last class. The jars are those the reactor packaged before this module: no test runs
 * Maven. The output of every {@code ./bpo} command is kept in {@code target/local-stack-commands/}, the stack's own
 * logs in {@code target/local-stack/logs/} and {@code target/local-stack/infra/}, for a failed CI run.
 */
public final class LocalStackRun implements AutoCloseable {

    /** Password of every demo user of the realm (local only; deploy/keycloak/README.md). */
    public static final String DEMO_PASSWORD = "demo1234";

    public static final String REALM = "bpo";

    /** The realm's client for password grants (scripts, tests); the console uses {@code bpo-console}. */
    public static final String CLI_CLIENT = "bpo-cli";

    /** The console's client: public, authorization code + PKCE. */
    public static final String CONSOLE_CLIENT = "bpo-console";

    /** The simulation every run sends: one day, an hour a second, a fixed seed. */
    public static final long SIMULATION_SEED = 7;

    public static final int SIMULATION_DAYS = 1;
    public static final int SIMULATION_SPEED = 3600;

    /** The ports of ARCHITECTURE section 8, before the offset. */
    static final int GATEWAY_PORT = 8080;

    static final int KEYCLOAK_PORT = 8180;
    static final List<Integer> FIXED_PORTS = List.of(8080, 8081, 8085, 19092, 15432, 8180);

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(12);
    private static final Duration SIMULATE_TIMEOUT = Duration.ofMinutes(12);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final int OUTPUT_LINES_IN_ERRORS = 60;
    private static final Pattern SCENARIO_LINE = Pattern.compile("seed (-?\\d+): .* over (\\S+) to (\\S+) ");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path home;
    private final int portOffset;
    private final Path commandOutput;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private BpoCommand up;
    private SimulatedTraffic simulation;
    private BpoCommand down;

    private LocalStackRun(Path root, Path home, int portOffset) {
        this.root = root;
        this.home = home;
        this.portOffset = portOffset;
        this.commandOutput = home.resolveSibling(home.getFileName() + "-commands");
    }

    /** The run of this test JVM: started (up and simulation) by the first caller, stopped by JUnit at the end. */
    public static LocalStackRun shared(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(LocalStackRun.class))
                .computeIfAbsent(LocalStackRun.class, key -> startFromSystemProperties(), LocalStackRun.class);
    }

    private static LocalStackRun startFromSystemProperties() {
        Path root = Path.of(System.getProperty("bpo.repository-root", ".."))
                .toAbsolutePath()
                .normalize();
        Path home = Path.of(System.getProperty("bpo.local-stack.home", "target/local-stack"))
                .toAbsolutePath()
                .normalize();
        int offset = Integer.parseInt(System.getProperty("bpo.local-stack.port-offset", "10000"));
        LocalStackRun run = new LocalStackRun(root, home, offset);
        run.start();
        return run;
    }

    private void start() {
        requirePackagedJars();
        up = bpo(UP_TIMEOUT, "up", "--fresh", "--no-build");
        if (up.exitCode() != 0) {
            // A failed up stops what it started; down also stops servers a crashed launcher may have left.
            bpo(DOWN_TIMEOUT, "down");
            throw new IllegalStateException("./bpo up failed (exit code " + up.exitCode() + "); see " + up.log()
                    + " and " + home.resolve("logs") + ":" + System.lineSeparator() + up.lastLines());
        }
        BpoCommand simulate = bpo(
                SIMULATE_TIMEOUT,
                "simulate",
                "--days",
                Integer.toString(SIMULATION_DAYS),
                "--speed",
                Integer.toString(SIMULATION_SPEED),
                "--seed",
                Long.toString(SIMULATION_SEED));
        if (simulate.exitCode() != 0) {
            close();
            throw new IllegalStateException("./bpo simulate failed (exit code " + simulate.exitCode() + "); see "
                    + simulate.log() + ":" + System.lineSeparator() + simulate.lastLines());
        }
        simulation = SimulatedTraffic.of(simulate, SIMULATION_SEED, SIMULATION_DAYS, SIMULATION_SPEED);
    }

    private void requirePackagedJars() {
        List<Path> jars = List.of(
                root.resolve("deploy/local/target/local-stack.jar"),
                root.resolve("agent-service/target/quarkus-app/quarkus-run.jar"),
                root.resolve("analytics-service/target/quarkus-app/quarkus-run.jar"),
                root.resolve("gateway/target/quarkus-app/quarkus-run.jar"));
        List<Path> missing =
                jars.stream().filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the local-stack tests run the jars the reactor packaged before them; "
                    + "missing: " + missing + " (./mvnw verify builds them; -pl system-tests alone does not)");
        }
    }

    // ------------------------------------------------------------------------------------------ the stack

    /** The gateway, the platform's public entry, e.g. {@code http://127.0.0.1:18080}. */
    public URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + port(GATEWAY_PORT));
    }

    /** {@code pathAndQuery} (starting with {@code /}) on the gateway. */
    public URI gatewayUrl(String pathAndQuery) {
        return URI.create(gatewayUrl() + pathAndQuery);
    }

    /** Keycloak's base URL, e.g. {@code http://127.0.0.1:18180} (admin console at {@code /admin/}). */
    public URI keycloakUrl() {
        return URI.create("http://127.0.0.1:" + port(KEYCLOAK_PORT));
    }

    /** The realm's issuer, e.g. {@code http://127.0.0.1:18180/realms/bpo}. */
    public URI realmUrl() {
        return URI.create(keycloakUrl() + "/realms/" + REALM);
    }

    /** The realm's token endpoint. */
    public URI tokenUrl() {
        return URI.create(realmUrl() + "/protocol/openid-connect/token");
    }

    /** {@code fixedPort} (8080, 8180, ...) on this stack. */
    public int port(int fixedPort) {
        return fixedPort + portOffset;
    }

    public int portOffset() {
        return portOffset;
    }

    /** The stack's state folder ({@code BPO_STACK_HOME}). */
    public Path home() {
        return home;
    }

    /** The services' and supervisor's logs; the servers' are in {@code home()/infra}. */
    public Path logs() {
        return home.resolve("logs");
    }

    /** The checkout whose {@code ./bpo} runs the stack. */
    public Path repositoryRoot() {
        return root;
    }

    /** Keycloak's bootstrap administrator of realm {@code master} ({@code admin}), from the server's state file. */
    public String keycloakAdminUsername() {
        return keycloakState().property("admin.username");
    }

    /** That administrator's password (generated by the first start of the stack's Keycloak). */
    public String keycloakAdminPassword() {
        return keycloakState().property("admin.password");
    }

    private ServerState keycloakState() {
        return ServerState.read(home.resolve("infra"), ServerKind.KEYCLOAK)
                .orElseThrow(() -> new IllegalStateException("Keycloak of the local stack does not run"));
    }

    /** {@code ./bpo up --fresh --no-build} as it ran: output, exit code, time. */
    public BpoCommand up() {
        return up;
    }

    /** The simulation sent after {@code up}: its settings, dates and output. */
    public SimulatedTraffic simulation() {
        return simulation;
    }

    // ------------------------------------------------------------------------------------------ tokens

    /** An access token of demo user {@code username} (password grant of {@code bpo-cli}, password demo1234). */
    public String accessToken(String username) {
        return accessToken(username, DEMO_PASSWORD);
    }

    /** An access token of {@code username} (password grant of {@code bpo-cli}); reused until a minute before expiry. */
    public String accessToken(String username, String password) {
        return token(
                "user " + username,
                "grant_type",
                "password",
                "client_id",
                CLI_CLIENT,
                "username",
                username,
                "password",
                password);
    }

    /** An access token of a confidential client (client credentials grant). */
    public String clientToken(String clientId, String clientSecret) {
        return token(
                "client " + clientId,
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                clientSecret);
    }

    /**
     * An access token of a demo brand's integration client: {@code brand-zongzi} signs in as
     * {@code integration-zongzi} with the realm's local-only secret.
     */
    public String integrationToken(String brandId) {
        String brand = brandId.replaceFirst("^brand-", "");
        return clientToken("integration-" + brand, "local-only-integration-" + brand + "-secret");
    }

    private record Token(String value, Instant renewAfter) {}

    private String token(String who, String... form) {
        Token cached = tokens.get(who);
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached.value();
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(
                    "Keycloak refused a token for " + who + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
        JsonNode json = readTree(answer.body());
        Token token = new Token(
                json.path("access_token").asText(),
                Instant.now().plusSeconds(Math.max(0, json.path("expires_in").asLong() - 60)));
        tokens.put(who, token);
        return token.value();
    }

    // ------------------------------------------------------------------------------------------ the API

    /**
     * {@code GET pathAndQuery} on the gateway with {@code accessToken} as bearer token, or none when it is null.
     *
     * @return the answer, whatever its status
     */
    public HttpResponse<String> get(String pathAndQuery, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUrl(pathAndQuery))
                .header("Accept", "application/json")
                .GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request);
    }

    private static String form(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    /** Sends {@code request} with the stack's HTTP client and timeout; the answer's body as text. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(HTTP_TIMEOUT).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + built.uri(), e);
        }
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    // ------------------------------------------------------------------------------------------ ./bpo

    /**
     * One {@code ./bpo} command as it ran.
     *
     * @param arguments its arguments
     * @param exitCode its exit code
     * @param output its standard output and error
     * @param took from start to exit
     * @param log the file its output is kept in
     */
    public record BpoCommand(List<String> arguments, int exitCode, String output, Duration took, Path log) {

        /** The last lines of the output, for a failure message. */
        public String lastLines() {
            List<String> lines = output.lines().toList();
            return lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_IN_ERRORS), lines.size()).stream()
                    .collect(Collectors.joining(System.lineSeparator()));
        }
    }

    /**
     * Runs {@code ./bpo arguments...} of the checkout on this stack, as a user would with the two variables set, and
     * waits for it (a command still running at {@code timeout} gets SIGTERM, which makes {@code up} stop what it
     * started). {@code BPO_STACK_NO_BUILD} keeps the script from rebuilding the launcher when someone edits a source
     * during the build: the reactor has just packaged it.
     */
    public BpoCommand bpo(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bpo").toString());
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(commandOutput);
            Path log = commandOutput.resolve(arguments[0] + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("BPO_STACK_HOME", home.toString());
            builder.environment().put("BPO_STACK_PORT_OFFSET", Integer.toString(portOffset));
            builder.environment().put("BPO_STACK_NO_BUILD", "true");
            long begin = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
                throw new IllegalStateException("./bpo " + String.join(" ", arguments) + " did not end within "
                        + timeout + "; its output: " + log);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            // In the test report's output: how long the stack took, next to the tests' own times.
            System.out.printf(
                    "./bpo %s: exit code %d after %.1f s (output in %s)%n",
                    String.join(" ", arguments), process.exitValue(), took.toMillis() / 1000.0, log);
            return new BpoCommand(List.of(arguments), process.exitValue(), Files.readString(log), took, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * {@code ./bpo down}, once: a second call (JUnit closing the run after {@code LocalStackDownTest} stopped it)
     * answers the first one's result.
     */
    public synchronized BpoCommand down() {
        if (down == null) {
            down = bpo(DOWN_TIMEOUT, "down");
        }
        return down;
    }

    /** Called by JUnit after the last test class: the stack stops. */
    @Override
    public void close() {
        BpoCommand stopped = down();
        if (stopped.exitCode() != 0) {
            throw new IllegalStateException("./bpo down failed (exit code " + stopped.exitCode() + "):"
                    + System.lineSeparator() + stopped.lastLines());
        }
    }

    // ------------------------------------------------------------------------------------------ simulation

    /**
     * The simulation the run sent.
     *
     * @param seed the generator's seed
     * @param days local days of traffic
     * @param speed times real time
     * @param from the first local day (Asia/Shanghai), as the simulator printed it
     * @param to the last local day
     * @param command the {@code ./bpo simulate} command: output (the KPI table) and time
     */
    public record SimulatedTraffic(
            long seed, int days, double speed, LocalDate from, LocalDate to, BpoCommand command) {

        static SimulatedTraffic of(BpoCommand command, long seed, int days, double speed) {
            // The simulator names the days it generated; computing them here could cross midnight in Shanghai.
            Matcher line = SCENARIO_LINE.matcher(command.output());
            if (!line.find() || Long.parseLong(line.group(1)) != seed) {
                throw new IllegalStateException(
                        "the simulation's output names no scenario days for seed " + seed + ": " + command.log());
            }
            return new SimulatedTraffic(
                    seed, days, speed, LocalDate.parse(line.group(2)), LocalDate.parse(line.group(3)), command);
        }
    }
}

package com.bpo.bench;

import com.bpo.contracts.Topics;
import com.bpo.infra.KeycloakEndpoint;
import com.bpo.infra.ServerKind;
import com.bpo.infra.ServiceDatabase;
import com.bpo.infra.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The chat ingestion benchmark: starts Kafka, PostgreSQL and Keycloak, runs agent-service from its fast-jar, creates
 * a brand's organisation, then loads {@code POST /api/v1/chat/messages} for a warm-up and a measured window while
 * watching the service's {@code message} table; afterwards runs Kafka's ProducerPerformance with the same record size
 * on the same broker, and writes the report to {@code bench/results/}. Run it with {@code bench/run-ingestion}.
 */
public final class IngestionBenchmark {

    static final String REALM = "bpo";
    static final String CLI_CLIENT = "bpo-cli";
    static final String PLATFORM_ADMIN = "platform-admin";
    static final String DEMO_PASSWORD = "demo1234";
    static final String INTEGRATION_CLIENT = "integration-zongzi";
    // The realm's local-only secret of the demo integration client (deploy/keycloak/bpo-realm.json).
    static final String INTEGRATION_SECRET = "local-only-integration-zongzi-secret";
    static final String INGESTION_PATH = "/api/v1/chat/messages";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROBE_MESSAGES = 5;
    private static final Duration PROBE_WAIT = Duration.ofSeconds(90);
    private static final Duration CATCH_UP_WAIT = Duration.ofMinutes(5);
    private static final int OPEN_CONVERSATIONS = 600;
    // Request bodies kept as templates: about this many bytes, however large the batches.
    private static final long TEMPLATE_BYTES = 64L * 1024 * 1024;
    private static final int ESTIMATED_RECORD_BYTES = 340;
    private static final int SAMPLE_RECORDS = 20_000;
    private static final double QUIET_CORES = 0.25;
    private static final Duration QUIET_WAIT = Duration.ofSeconds(90);
    // Enough for ProducerPerformance to run well past its own warm-up (its first five-second window).
    private static final long MIN_PRODUCER_PERFORMANCE_RECORDS = 2_000_000;
    private static final List<String> CHAT_TABLES =
            List.of("message", "message_original", "conversation", "conversation_agent");
    private static final List<String> METRIC_PREFIXES = List.of(
            "bpo_",
            "http_server_requests_seconds_count{",
            "http_server_requests_seconds_sum{",
            "http_server_requests_seconds_max{",
            "kafka_producer_batch_size_avg",
            "kafka_producer_records_per_request_avg",
            "kafka_producer_request_latency_avg",
            "kafka_producer_record_queue_time_avg",
            "kafka_producer_compression_rate_avg",
            "kafka_consumer_fetch_manager_records_lag_max",
            "jvm_gc_pause_seconds_count",
            "jvm_gc_pause_seconds_sum",
            "process_cpu_usage");

    private final IngestionOptions options;
    private final Path home;
    private final Path workDir;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    IngestionBenchmark(IngestionOptions options, Path home) {
        this.options = options;
        this.home = home;
        this.workDir = home.resolve("bench/target/ingestion");
    }

    public static void main(String[] args) {
        BenchmarkMain.run(
                "ingestion",
                args,
                IngestionOptions::parse,
                IngestionOptions.USAGE,
                (options, home) -> new IngestionBenchmark(options, home).run());
    }

    IngestionReport run() throws Exception {
        String startedAt = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Path realm = home.resolve("deploy/keycloak/bpo-realm.json");
        say("starting Kafka, PostgreSQL and Keycloak (state in %s)", workDir.resolve("infra"));
        try (BenchServers servers = BenchServers.start(workDir, realm)) {
            ServiceDatabase database = servers.postgres().createServiceDatabase("agent", true);
            KeycloakEndpoint keycloak = servers.keycloak();
            say("starting agent-service (log %s)", workDir.resolve("logs/agent-service.log"));
            ServiceProcess service = startAgentService(servers, database, keycloak);
            try {
                return measure(servers, database, keycloak, service, startedAt);
            } finally {
                service.stop();
            }
        }
    }

    private ServiceProcess startAgentService(
            BenchServers servers, ServiceDatabase database, KeycloakEndpoint keycloak) {
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("BPO_AGENT_DB_URL", database.reactiveUrl());
        environment.put("BPO_AGENT_DB_USER", database.app().username());
        environment.put("BPO_AGENT_DB_PASSWORD", database.app().password());
        environment.put("BPO_AGENT_DB_JDBC_URL", database.jdbcUrl());
        environment.put("BPO_AGENT_DB_OWNER", database.owner().username());
        environment.put("BPO_AGENT_DB_OWNER_PASSWORD", database.owner().password());
        environment.put("BPO_KAFKA_BOOTSTRAP_SERVERS", servers.kafka().bootstrapServers());
        environment.put("BPO_OIDC_URL", keycloak.issuer(REALM));
        environment.put("BPO_PII_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey));
        ServiceProcess.Builder builder = ServiceProcess.quarkusApp(
                        "agent-service", home.resolve("agent-service/target/quarkus-app/quarkus-run.jar"))
                .environment(environment);
        if (options.flightRecording()) {
            // Written when the service stops; `jfr print --events jdk.ExecutionSample` shows where the CPU went.
            builder.jvmOption(
                    "-XX:StartFlightRecording=settings=profile,filename=" + workDir.resolve("logs/agent-service.jfr"));
        }
        return builder.maxHeap(options.serviceHeap())
                .logFile(workDir.resolve("logs/agent-service.log"))
                .start();
    }

    private IngestionReport measure(
            BenchServers servers,
            ServiceDatabase database,
            KeycloakEndpoint keycloak,
            ServiceProcess service,
            String startedAt)
            throws Exception {
        String tokenEndpoint = keycloak.tokenEndpoint(REALM);
        TokenSource admin = TokenSource.password(http, tokenEndpoint, CLI_CLIENT, PLATFORM_ADMIN, DEMO_PASSWORD);
        TokenSource integration =
                TokenSource.clientCredentials(http, tokenEndpoint, INTEGRATION_CLIENT, INTEGRATION_SECRET);
        String brandId = integration.claim("brand_id");
        say("creating brand %s, its shops, a vendor, a team, agents and an engagement", brandId);
        DemoOrganisation organisation = DemoOrganisation.create(http, service.url(), admin, brandId);

        String runId = HexFormat.of().toHexDigits(new SecureRandom().nextInt());
        URI endpoint = URI.create(service.url() + INGESTION_PATH);
        long probeAccepted = probe(endpoint, integration, organisation, runId);

        int templateCount =
                (int) Math.max(8, Math.min(1024, TEMPLATE_BYTES / ((long) options.batch() * ESTIMATED_RECORD_BYTES)));
        // The traffic's own times are replaced by the send time in every request (see BatchTemplates).
        ChatTraffic traffic = new ChatTraffic(
                options.seed(),
                "b" + runId + "-" + BatchTemplates.CYCLE_MARK,
                organisation.shopIds(),
                organisation.agentIds(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                OPEN_CONVERSATIONS);
        say("writing %d request bodies of %d messages", templateCount, options.batch());
        BatchTemplates templates = BatchTemplates.write(traffic, templateCount, options.batch(), options.ndjson());

        CpuAccount cpu = new CpuAccount();
        cpu.add("load generator (this JVM)", () -> List.of(ProcessHandle.current()), false);
        cpu.add("agent-service", () -> List.of(service.handle()), false);
        cpu.add("Kafka broker", () -> servers.serverProcesses(ServerKind.KAFKA), true);
        cpu.add("PostgreSQL (all backends)", () -> servers.serverProcesses(ServerKind.POSTGRES), true);
        cpu.add("Keycloak", () -> servers.serverProcesses(ServerKind.KEYCLOAK), true);

        try (TableWatch watch = new TableWatch(servers.postgres(), database)) {
            LoadRunner load = new LoadRunner(endpoint, integration, templates, options.connections());
            WindowListener window = new WindowListener(watch, cpu, probeAccepted);
            say(
                    "load: %d connections, batches of %d, warm-up %d s, measured %d s",
                    options.connections(),
                    options.batch(),
                    options.warmup().toSeconds(),
                    options.duration().toSeconds());
            LoadRunner.Result result = load.run(options.warmup(), options.duration(), window);
            long loadStopped = System.nanoTime();
            long expectedRows = probeAccepted + result.all().accepted;
            say(
                    "load stopped: %,.0f messages/s accepted, p99 %.0f ms; waiting for the message table",
                    result.acceptedPerSecond(), result.latency().p99());
            Duration catchUp = awaitCatchUp(watch, expectedRows, loadStopped);
            Map<String, Long> finalCounts = new LinkedHashMap<>();
            for (String table : CHAT_TABLES) {
                finalCounts.put(table, watch.count(table));
            }
            IngestionReport.Tables tables = new IngestionReport.Tables(
                    window.rowsAtStart,
                    window.rowsAtEnd,
                    window.acceptedAtStart,
                    window.acceptedAtEnd,
                    window.maxLag,
                    expectedRows,
                    catchUp,
                    CATCH_UP_WAIT,
                    finalCounts);
            List<String> metrics = scrapeMetrics(service);
            service.stop();

            // PostgreSQL keeps checkpointing and vacuuming for a while after the load; Kafka's producer should not
            // have to share the cores with it.
            double busy = CpuAccount.awaitQuiet(QUIET_CORES, QUIET_WAIT);
            say("machine at %.2f cores before ProducerPerformance", busy);
            TopicSample chatEvents = TopicSample.read(servers.kafka(), Topics.CHAT_EVENTS, SAMPLE_RECORDS);
            TopicSample originals = TopicSample.read(servers.kafka(), Topics.AGENT_MESSAGE_ORIGINALS, 0);
            Map<String, String> settings = ProducerSettings.EVENT_PRODUCER;
            long ppRecords = options.producerPerformanceRecords() > 0
                    ? options.producerPerformanceRecords()
                    : Math.max(MIN_PRODUCER_PERFORMANCE_RECORDS, result.all().accepted);
            int recordSize = (int) Math.round(chatEvents.recordBytes());
            say("ProducerPerformance: %,d records of %d bytes, %s", ppRecords, recordSize, settings);
            ProducerPerformance.Result pp = ProducerPerformance.run(
                    servers.kafka(),
                    "bench.producer-performance",
                    Topics.DEFAULT_PARTITIONS,
                    ppRecords,
                    recordSize,
                    settings,
                    workDir.resolve("logs/producer-performance.log"));

            return new IngestionReport(
                    new IngestionReport.Environment(startedAt, machine(), jdk(), commit(home), options.commandLine()),
                    options,
                    new IngestionReport.Load(result, probeAccepted, templates.averageBodyBytes(), templates.size()),
                    tables,
                    new IngestionReport.KafkaFigures(chatEvents, originals.records()),
                    new IngestionReport.ProducerRun(ppRecords, recordSize, settings, pp, busy),
                    window.cpuUsage,
                    window.timeline,
                    metrics);
        }
    }

    /**
     * Sends a few messages until the endpoint accepts them: the service is up, the token is accepted, and the
     * organisation is in place. Fails with the service's last answer if it never does.
     *
     * @return messages accepted
     */
    private long probe(URI endpoint, TokenSource integration, DemoOrganisation organisation, String runId)
            throws IOException, InterruptedException {
        ChatTraffic traffic = new ChatTraffic(
                options.seed(),
                "p" + runId + "-" + BatchTemplates.CYCLE_MARK,
                organisation.shopIds(),
                organisation.agentIds(),
                Instant.now(),
                1);
        byte[] body = BatchTemplates.write(traffic, 1, PROBE_MESSAGES, options.ndjson())
                .body(0, LoadRunner.epochMicros(Instant.now()));
        long deadline = System.nanoTime() + PROBE_WAIT.toNanos();
        String lastAnswer = "";
        while (System.nanoTime() < deadline) {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + integration.token())
                    .header("Content-Type", options.ndjson() ? "application/x-ndjson" : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            lastAnswer = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode answer = JSON.readTree(response.body());
                if (answer.path("accepted").asLong() + answer.path("duplicates").asLong() == PROBE_MESSAGES) {
                    say("the ingestion endpoint accepts messages: %s", response.body());
                    return answer.path("accepted").asLong();
                }
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new BenchmarkException("POST " + INGESTION_PATH + " did not accept " + PROBE_MESSAGES
                + " probe messages within " + PROBE_WAIT.toSeconds() + " s; last answer: " + lastAnswer);
    }

    /** Waits until {@code message} holds every accepted message; the time it took, or null. */
    private static Duration awaitCatchUp(TableWatch watch, long expectedRows, long loadStopped)
            throws InterruptedException {
        long deadline = loadStopped + CATCH_UP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            // The statistics counter is cheap; the exact count (a full scan) only confirms it.
            if (watch.insertedRows("message") >= expectedRows) {
                long checked = System.nanoTime();
                if (watch.count("message") >= expectedRows) {
                    return Duration.ofNanos(checked - loadStopped);
                }
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return null;
    }

    private List<String> scrapeMetrics(ServiceProcess service) {
        // Requests other than the ingestion's, and clients that sent nothing (NaN), would bury the figures.
        return ServiceMetrics.scrape(
                http,
                service,
                METRIC_PREFIXES,
                line -> (!line.startsWith("http_server") || line.contains("chat")) && !line.endsWith("NaN"));
    }

    static String machine() {
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return String.format(
                Locale.ROOT,
                "%d cores, %.0f GiB, %s %s (%s)",
                Runtime.getRuntime().availableProcessors(),
                memory / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                ZoneId.systemDefault());
    }

    static String jdk() {
        return "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** The checked-out commit of {@code home}, read from {@code .git} without running git. */
    static String commit(Path home) {
        try {
            Path git = home.resolve(".git");
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (!head.startsWith("ref: ")) {
                return head.substring(0, Math.min(12, head.length()));
            }
            Path ref = git.resolve(head.substring(5));
            if (Files.exists(ref)) {
                return Files.readString(ref).trim().substring(0, 12);
            }
            for (String line : Files.readAllLines(git.resolve("packed-refs"))) {
                if (line.endsWith(" " + head.substring(5))) {
                    return line.substring(0, 12);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not a git checkout, or an unusual layout: the report says so.
        }
        return "unknown";
    }

    static void say(String format, Object... values) {
        System.out.printf(
                Locale.ROOT,
                "[%s] %s%n",
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toLocalTime(),
                String.format(Locale.ROOT, format, values));
    }

    /** Takes the window's edge figures and the per-second timeline while the load runs. */
    private static final class WindowListener implements LoadRunner.Listener {

        private final TableWatch watch;
        private final CpuAccount cpu;
        private final long probeAccepted;
        final List<IngestionReport.Second> timeline = new ArrayList<>();
        long rowsAtStart;
        long rowsAtEnd;
        long acceptedAtStart;
        long acceptedAtEnd;
        long maxLag;
        boolean measuring;
        CpuAccount.Usage cpuUsage;

        WindowListener(TableWatch watch, CpuAccount cpu, long probeAccepted) {
            this.watch = watch;
            this.cpu = cpu;
            this.probeAccepted = probeAccepted;
        }

        @Override
        public void measuringStarts(long acceptedSoFar) {
            acceptedAtStart = probeAccepted + acceptedSoFar;
            rowsAtStart = watch.count("message");
            measuring = true;
            cpu.start();
            say("measuring (%,d accepted so far, %,d rows stored)", acceptedAtStart, rowsAtStart);
        }

        @Override
        public void everySecond(Duration elapsed, long acceptedSoFar) {
            long accepted = probeAccepted + acceptedSoFar;
            long inserted = watch.insertedRows("message");
            IngestionReport.Second second = new IngestionReport.Second(elapsed.toSeconds(), accepted, inserted);
            if (!timeline.isEmpty() && second.second() % 5 == 0) {
                IngestionReport.Second before = timeline.get(Math.max(0, timeline.size() - 5));
                double span = Math.max(1, second.second() - before.second());
                say(
                        "%3d s  %,9.0f accepted/s  %,9.0f rows/s  lag %,d",
                        second.second(),
                        (accepted - before.accepted()) / span,
                        (inserted - before.insertedRows()) / span,
                        accepted - inserted);
            }
            timeline.add(second);
            if (measuring) {
                maxLag = Math.max(maxLag, accepted - inserted);
            }
        }

        @Override
        public void measuringEnds(long acceptedSoFar) {
            cpuUsage = cpu.stop();
            acceptedAtEnd = probeAccepted + acceptedSoFar;
            rowsAtEnd = watch.count("message");
            measuring = false;
            say("window closed (%,d accepted so far, %,d rows stored)", acceptedAtEnd, rowsAtEnd);
        }
    }
}

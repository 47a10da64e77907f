package com.bpo.bench;

import com.bpo.contracts.Channel;
import com.bpo.contracts.EventPayload;
import com.bpo.contracts.Topics;
import com.bpo.contracts.chat.MessageSent;
import com.bpo.contracts.chat.Sender;
import com.bpo.infra.KafkaEndpoint;
import com.bpo.infra.ServerKind;
import com.bpo.infra.ServiceDatabase;
import com.bpo.infra.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The analytics benchmark: starts Kafka, PostgreSQL and Keycloak, publishes an organisation and several million KPI
 * events, starts analytics-service from its fast-jar and measures how fast its {@code kpi-facts} consumer applies
 * them; runs Kafka's ConsumerPerformance over the same records; publishes a paced stream with probe events and
 * measures how long each takes to show in {@code GET /api/v1/kpis}; times the console's KPI queries over the three
 * days of data; and writes the report to {@code bench/results/}. Run it with {@code bench/run-analytics}.
 */
public final class AnalyticsBenchmark {

    static final String SERVICE = "analytics-service";
    static final String FACTS_GROUP = "analytics-service.kpi-facts";
    static final String KPI_PATH = "/api/v1/kpis";

    private static final ObjectMapper JSON = new ObjectMapper();
    // One contact per minute of the three days per cycle: about 13 events each, some 57,000 templates (40 MB).
    private static final int SUSTAINED_UNITS = 3 * 24 * 60;
    private static final int FRESHNESS_UNITS = 2_000;
    private static final int CONCURRENT_CONTACTS = 500;
    private static final int DAYS = 3;
    private static final Duration ORG_WAIT = Duration.ofMinutes(2);
    private static final Duration CONSUME_WAIT = Duration.ofMinutes(40);
    private static final Duration PROBE_WAIT = Duration.ofSeconds(30);
    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(250);
    // Between two polls of the probe query, so that polling does not become a load of its own.
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_PAUSE = Duration.ofMillis(10);
    private static final double QUIET_CORES = 0.25;
    private static final Duration QUIET_WAIT = Duration.ofSeconds(90);
    private static final List<String> FACT_TABLES = List.of(
            "kpi_message",
            "kpi_conversation",
            "kpi_conversation_closed",
            "kpi_order",
            "kpi_rating",
            "kpi_call",
            "kpi_callback",
            "kpi_complaint",
            "kpi_evaluation");
    private static final List<String> METRIC_PREFIXES = List.of(
            "bpo_consumer_events_total",
            "bpo_consumer_batch_seconds_count",
            "bpo_consumer_batch_seconds_sum",
            "bpo_consumer_batch_seconds_max",
            "bpo_consumer_lag",
            "http_server_requests_seconds_count{",
            "http_server_requests_seconds_sum{",
            "jvm_gc_pause_seconds_count",
            "jvm_gc_pause_seconds_sum",
            "jvm_memory_used_bytes{area=\"heap\"");

    private final AnalyticsOptions options;
    private final Path home;
    private final Path workDir;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    AnalyticsBenchmark(AnalyticsOptions options, Path home) {
        this.options = options;
        this.home = home;
        this.workDir = home.resolve("bench/target/analytics");
    }

    public static void main(String[] args) {
        BenchmarkMain.run(
                "analytics",
                args,
                AnalyticsOptions::parse,
                AnalyticsOptions.USAGE,
                (options, home) -> new AnalyticsBenchmark(options, home).run());
    }

    AnalyticsReport run() throws Exception {
        String startedAt = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String runId = HexFormat.of().toHexDigits(new SecureRandom().nextInt());
        AnalyticsOrganisation organisation = AnalyticsOrganisation.standard();
        LocalDate today = LocalDate.now(organisation.timeZone());
        LocalDate firstDay = today.minusDays(DAYS + 1L);
        LocalDate lastDay = firstDay.plusDays(DAYS - 1L);

        say("generating %d contacts over %s..%s as event templates", SUSTAINED_UNITS, firstDay, lastDay);
        KpiTraffic traffic = new KpiTraffic(
                options.seed(),
                "s" + runId + BatchTemplates.CYCLE_MARK,
                organisation,
                firstDay.atStartOfDay(organisation.timeZone()).toInstant(),
                Duration.ofDays(DAYS),
                SUSTAINED_UNITS);
        KpiEventTemplates templates = KpiEventTemplates.write(traffic, CONCURRENT_CONTACTS);
        say("%,d templates, %.0f bytes per record on average", templates.size(), templates.averageRecordBytes());

        Path realm = home.resolve("deploy/keycloak/bpo-realm.json");
        say("starting Kafka, PostgreSQL and Keycloak (state in %s)", workDir.resolve("infra"));
        try (BenchServers servers = BenchServers.start(workDir, realm)) {
            ServiceDatabase database = servers.postgres().createServiceDatabase("analytics", true);
            AnalyticsReport.Publishing publishing;
            try (KafkaProducer<byte[], byte[]> producer = producer(servers.kafka(), bulkSettings())) {
                List<EventPayload> org = organisation.events();
                for (EventPayload event : org) {
                    producer.send(KpiEventTemplates.record(
                            KpiEventTemplates.template(event, UUID.randomUUID().toString())));
                }
                say("publishing %,d KPI events before %s starts", options.events(), SERVICE);
                long started = System.nanoTime();
                for (long sequence = 0; sequence < options.events(); sequence++) {
                    producer.send(templates.record(sequence));
                }
                producer.flush();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                publishing = new AnalyticsReport.Publishing(
                        options.events(),
                        took,
                        templates.size(),
                        templates.averageRecordBytes(),
                        templates.templatesPerType(),
                        templates.recordsPerTopic(options.events()),
                        org.size());
                say("published in %.1f s (%,.0f records/s)", took.toMillis() / 1e3, publishing.recordsPerSecond());
            }
            Map<TopicPartition, Long> ends = endOffsets(servers.kafka());
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            if (total != options.events()) {
                throw new BenchmarkException("the six topics hold " + total + " records, expected " + options.events());
            }

            say("starting %s (log %s)", SERVICE, workDir.resolve("logs/" + SERVICE + ".log"));
            long serviceStarting = System.nanoTime();
            ServiceProcess service = startService(servers, database);
            try {
                CpuAccount cpu = new CpuAccount();
                cpu.add("benchmark (this JVM)", () -> List.of(ProcessHandle.current()), false);
                cpu.add(SERVICE, () -> List.of(service.handle()), false);
                cpu.add("Kafka broker", () -> servers.serverProcesses(ServerKind.KAFKA), true);
                cpu.add("PostgreSQL (all backends)", () -> servers.serverProcesses(ServerKind.POSTGRES), true);
                cpu.add("Keycloak", () -> servers.serverProcesses(ServerKind.KEYCLOAK), true);

                Duration orgCopy =
                        awaitOrgCopy(servers, database, organisation.events().size(), serviceStarting);
                say("organisation copy complete %.1f s after the service was started", orgCopy.toMillis() / 1e3);
                AnalyticsReport.Sustained sustained = consume(servers.kafka(), cpu, total, serviceStarting);
                Map<String, Long> rows = countRows(servers, database);
                Map<String, Long> bytes = tableBytes(servers, database);
                List<String> metricsAfterSustained = scrapeMetrics(service);

                double busy = CpuAccount.awaitQuiet(QUIET_CORES, QUIET_WAIT);
                say("machine at %.2f cores before ConsumerPerformance", busy);
                Map<String, String> consumerSettings = new LinkedHashMap<>();
                // As the kit's batch consumer reads: committed records only, a poll as large as a batch.
                consumerSettings.put("isolation.level", "read_committed");
                consumerSettings.put(
                        "max.poll.records",
                        Integer.toString(options.factsBatchSize() > 0 ? options.factsBatchSize() : 2000));
                Map<String, Long> perTopic = new LinkedHashMap<>();
                ends.forEach((partition, end) -> perTopic.merge(partition.topic(), end, Long::sum));
                ConsumerPerformance.Result raw =
                        ConsumerPerformance.run(servers.kafka(), perTopic, consumerSettings, workDir.resolve("logs"));
                say("ConsumerPerformance: %,d records, %,.0f records/s", raw.records(), raw.recordsPerSecond());

                String tokenEndpoint = servers.keycloak().tokenEndpoint(IngestionBenchmark.REALM);
                TokenSource admin = TokenSource.password(
                        http,
                        tokenEndpoint,
                        IngestionBenchmark.CLI_CLIENT,
                        IngestionBenchmark.PLATFORM_ADMIN,
                        IngestionBenchmark.DEMO_PASSWORD);
                AnalyticsReport.Freshness freshness =
                        freshness(servers.kafka(), service, admin, organisation, cpu, runId, total);
                AnalyticsReport.Queries queries = queries(service, admin, organisation, firstDay, lastDay);
                List<String> metrics = scrapeMetrics(service);
                return new AnalyticsReport(
                        new AnalyticsReport.Environment(
                                startedAt,
                                IngestionBenchmark.machine(),
                                IngestionBenchmark.jdk(),
                                IngestionBenchmark.commit(home),
                                options.commandLine(),
                                servers.postgres().serverVersion()),
                        options,
                        publishing,
                        orgCopy,
                        sustained,
                        rows,
                        bytes,
                        new AnalyticsReport.RawConsumer(raw, consumerSettings, busy),
                        freshness,
                        queries,
                        metricsAfterSustained,
                        metrics);
            } finally {
                service.stop();
            }
        }
    }

    private ServiceProcess startService(BenchServers servers, ServiceDatabase database) {
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        Map<String, String> environment = new LinkedHashMap<>(database.environment("analytics"));
        environment.put("BPO_KAFKA_BOOTSTRAP_SERVERS", servers.kafka().bootstrapServers());
        environment.put("BPO_OIDC_URL", servers.keycloak().issuer(IngestionBenchmark.REALM));
        environment.put("BPO_PII_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey));
        ServiceProcess.Builder builder = ServiceProcess.quarkusApp(
                        SERVICE, home.resolve("analytics-service/target/quarkus-app/quarkus-run.jar"))
                .environment(environment);
        if (options.factsBatchSize() > 0) {
            builder.systemProperty("bpo.kpi.facts.max-batch-size", Integer.toString(options.factsBatchSize()));
        }
        if (options.flightRecording()) {
            // Written when the service stops; `jfr print --events jdk.ExecutionSample` shows where the CPU went.
            builder.jvmOption("-XX:StartFlightRecording=settings=profile,filename="
                    + workDir.resolve("logs/" + SERVICE + ".jfr"));
        }
        return builder.maxHeap(options.serviceHeap())
                .logFile(workDir.resolve("logs/" + SERVICE + ".log"))
                .start();
    }

    /** Bulk publishing before the service starts: large batches, still acknowledged by the broker. */
    private static Map<String, String> bulkSettings() {
        Map<String, String> settings = new LinkedHashMap<>(ProducerSettings.EVENT_PRODUCER);
        settings.put("linger.ms", "20");
        settings.put("batch.size", Integer.toString(256 * 1024));
        settings.put("buffer.memory", Long.toString(128L * 1024 * 1024));
        return settings;
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaEndpoint kafka, Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    /** The end offsets of every partition of the topics the KPI engine reads. */
    private static Map<TopicPartition, Long> endOffsets(KafkaEndpoint kafka)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (String topic : Topics.KPI_SOURCES) {
                int partitions = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(60, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .size();
                for (int partition = 0; partition < partitions; partition++) {
                    latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> ends = new LinkedHashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(60, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    /** Offsets the KPI consumer committed to Kafka (after each batch's database commit), summed over the topics. */
    private static long committed(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(FACTS_GROUP)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        return offsets.entrySet().stream()
                .filter(entry -> Topics.KPI_SOURCES.contains(entry.getKey().topic()) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset())
                .sum();
    }

    private Duration awaitOrgCopy(BenchServers servers, ServiceDatabase database, int expected, long since)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + ORG_WAIT.toNanos();
        try (Connection connection = servers.postgres().connect(database.name());
                Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery("select count(*) from kit_org_state")) {
                    rows.next();
                    if (rows.getLong(1) >= expected) {
                        return Duration.ofNanos(System.nanoTime() - since);
                    }
                } catch (SQLException e) {
                    // The table appears when the service's migrations have run.
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        throw new BenchmarkException(
                "analytics-service's organisation copy did not hold " + expected + " aggregates within " + ORG_WAIT);
    }

    /**
     * Watches the KPI consumer's committed offsets from the service's start until they reach {@code total}: the rate
     * counts from the first commit seen to the last record committed.
     */
    private AnalyticsReport.Sustained consume(KafkaEndpoint kafka, CpuAccount cpu, long total, long serviceStarting)
            throws Exception {
        List<AnalyticsReport.Sample> timeline = new ArrayList<>();
        long deadline = System.nanoTime() + CONSUME_WAIT.toNanos();
        long firstNanos = 0;
        long firstCommitted = 0;
        long lastPrinted = 0;
        try (Admin admin = kafka.admin()) {
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                long committed = committed(admin);
                timeline.add(new AnalyticsReport.Sample((now - serviceStarting) / 1_000_000, committed));
                if (firstNanos == 0 && committed > 0) {
                    firstNanos = now;
                    firstCommitted = committed;
                    cpu.start();
                    say("first batch committed %.1f s after the service was started", (now - serviceStarting) / 1e9);
                }
                if (firstNanos != 0 && now - lastPrinted >= 5_000_000_000L) {
                    lastPrinted = now;
                    say("%,d of %,d records applied", committed, total);
                }
                if (committed >= total) {
                    CpuAccount.Usage usage = cpu.stop();
                    Duration window = Duration.ofNanos(now - firstNanos);
                    AnalyticsReport.Sustained sustained = new AnalyticsReport.Sustained(
                            total,
                            firstCommitted,
                            window,
                            Duration.ofNanos(firstNanos - serviceStarting),
                            usage,
                            timeline);
                    say(
                            "all %,d records applied: %,.0f events/s from the first commit to the last",
                            total, sustained.eventsPerSecond());
                    return sustained;
                }
                TimeUnit.NANOSECONDS.sleep(SAMPLE_INTERVAL.toNanos());
            }
        }
        throw new BenchmarkException("analytics-service did not apply all " + total + " records within "
                + CONSUME_WAIT.toMinutes() + " minutes; see " + workDir.resolve("logs/" + SERVICE + ".log"));
    }

    /**
     * Publishes {@code rate} events/s for the freshness duration, one in {@code rate / probes} a probe: a customer
     * message opening a new conversation of the probe brand, so that its {@code inquiries} of today grows by one. A
     * poller asks the KPI API for that count again and again; a probe is visible when the count first covers it.
     */
    private AnalyticsReport.Freshness freshness(
            KafkaEndpoint kafka,
            ServiceProcess service,
            TokenSource admin,
            AnalyticsOrganisation organisation,
            CpuAccount cpu,
            String runId,
            long alreadyPublished)
            throws Exception {
        Instant now = Instant.now();
        KpiTraffic traffic = new KpiTraffic(
                options.seed() + 1,
                "f" + runId + BatchTemplates.CYCLE_MARK,
                organisation,
                now.minus(Duration.ofHours(30)),
                Duration.ofHours(6),
                FRESHNESS_UNITS);
        KpiEventTemplates templates = KpiEventTemplates.write(traffic, CONCURRENT_CONTACTS);
        Pacer pacer = new Pacer(options.freshnessRate(), options.probesPerSecond());
        long probes = pacer.due(options.freshnessDuration().toNanos()) / pacer.probeEvery()
                + (pacer.due(options.freshnessDuration().toNanos()) % pacer.probeEvery() == 0 ? 0 : 1);
        long[] publishedAt = new long[(int) probes];
        long[] visibleAt = new long[(int) probes];
        AtomicLong probesSent = new AtomicLong();
        AtomicReference<Throwable> pollFailure = new AtomicReference<>();
        Histogram pollMicros = LatencySummary.newHistogram();
        LocalDate today = LocalDate.now(organisation.timeZone());
        URI probeQuery = kpiUri(
                service, organisation.probeBrandId(), today.minusDays(1), today.plusDays(1), "", "inquiries", "json");
        long baseline = inquiries(probeQuery, admin, pollMicros);

        Thread poller = new Thread(
                () -> {
                    try {
                        int seen = 0;
                        while (seen < probes && !Thread.currentThread().isInterrupted()) {
                            long count = inquiries(probeQuery, admin, pollMicros) - baseline;
                            long answered = System.nanoTime();
                            long sent = probesSent.get();
                            while (seen < Math.min(count, sent)) {
                                visibleAt[seen++] = answered;
                            }
                            TimeUnit.NANOSECONDS.sleep(POLL_PAUSE.toNanos());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        pollFailure.set(e);
                    }
                },
                "freshness-poller");

        say(
                "freshness: %,d events/s for %d s, %d probes/s, polling %s",
                options.freshnessRate(),
                options.freshnessDuration().toSeconds(),
                options.probesPerSecond(),
                probeQuery);
        long sent = 0;
        long mainSequence = 0;
        long maxLag = 0;
        List<AnalyticsReport.Sample> timeline = new ArrayList<>();
        CpuAccount.Usage usage;
        long windowNanos;
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka, ProducerSettings.EVENT_PRODUCER);
                Admin progress = kafka.admin()) {
            poller.start();
            cpu.start();
            long start = System.nanoTime();
            long end = start + options.freshnessDuration().toNanos();
            long nextSample = start;
            while (true) {
                long clock = System.nanoTime();
                if (clock >= end) {
                    break;
                }
                long due = pacer.due(clock - start);
                while (sent < due) {
                    if (pacer.isProbe(sent)) {
                        int probe = (int) probesSent.get();
                        publishedAt[probe] = System.nanoTime();
                        producer.send(KpiEventTemplates.record(probe(organisation, runId, probe)));
                        probesSent.incrementAndGet();
                    } else {
                        producer.send(templates.record(mainSequence++));
                    }
                    sent++;
                }
                if (clock >= nextSample) {
                    nextSample += 1_000_000_000L;
                    long committed = committed(progress) - alreadyPublished;
                    maxLag = Math.max(maxLag, sent - committed);
                    timeline.add(new AnalyticsReport.Sample((clock - start) / 1_000_000, committed));
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
            producer.flush();
            windowNanos = System.nanoTime() - start;
            usage = cpu.stop();
            poller.join(PROBE_WAIT.toMillis());
            if (poller.isAlive()) {
                poller.interrupt();
                poller.join();
            }
        }
        if (pollFailure.get() != null) {
            throw new BenchmarkException("polling the KPI API failed: " + pollFailure.get(), pollFailure.get());
        }
        Histogram latency = LatencySummary.newHistogram();
        int visible = 0;
        for (int i = 0; i < probesSent.get(); i++) {
            if (visibleAt[i] != 0) {
                visible++;
                LatencySummary.record(latency, visibleAt[i] - publishedAt[i]);
            }
        }
        AnalyticsReport.Freshness freshness = new AnalyticsReport.Freshness(
                sent,
                Duration.ofNanos(windowNanos),
                probesSent.get(),
                visible,
                LatencySummary.of(latency),
                LatencySummary.of(pollMicros),
                POLL_PAUSE,
                maxLag,
                usage,
                timeline);
        say(
                "freshness: %,.0f events/s published, %d of %d probes visible, p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                freshness.eventsPerSecond(),
                visible,
                probesSent.get(),
                freshness.latency().p50(),
                freshness.latency().p99(),
                freshness.latency().max());
        return freshness;
    }

    private static KpiEventTemplates.Template probe(AnalyticsOrganisation organisation, String runId, int probe) {
        String conversation = "probe-" + runId + "-" + probe;
        MessageSent message = new MessageSent(
                conversation + "-m",
                conversation,
                organisation.probeBrandId(),
                organisation.probeVendorId(),
                organisation.probeShopId(),
                Channel.CHAT,
                "probe-customer-" + probe,
                Sender.CUSTOMER,
                null,
                Instant.now(),
                "probe " + probe,
                false);
        return KpiEventTemplates.template(message, UUID.randomUUID().toString());
    }

    /** The probe brand's inquiries as the API answers them now. */
    private long inquiries(URI query, TokenSource admin, Histogram pollMicros)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = get(query, admin);
        LatencySummary.record(pollMicros, System.nanoTime() - started);
        if (response.statusCode() != 200) {
            throw new BenchmarkException("GET " + query + " answered " + response.statusCode() + " " + response.body());
        }
        long count = 0;
        for (JsonNode row : JSON.readTree(response.body()).path("rows")) {
            count += row.path("kpis").path("inquiries").path("numerator").asLong();
        }
        return count;
    }

    /** The console's dashboard queries over the sustained phase's three days, each timed {@code repeats} times. */
    private AnalyticsReport.Queries queries(
            ServiceProcess service,
            TokenSource admin,
            AnalyticsOrganisation organisation,
            LocalDate firstDay,
            LocalDate lastDay)
            throws IOException, InterruptedException {
        LocalDate middle = firstDay.plusDays(1);
        String brand = organisation.brandId();
        Map<String, URI> dashboard = new LinkedHashMap<>();
        dashboard.put("by vendor, 3 days", kpiUri(service, brand, firstDay, lastDay, "vendor", "", "json"));
        dashboard.put("by vendor and day, 3 days", kpiUri(service, brand, firstDay, lastDay, "vendor,day", "", "json"));
        dashboard.put("by team, 3 days", kpiUri(service, brand, firstDay, lastDay, "team", "", "json"));
        dashboard.put("by agent, 3 days", kpiUri(service, brand, firstDay, lastDay, "agent", "", "json"));
        dashboard.put("by hour, 1 day", kpiUri(service, brand, middle, middle, "hour", "", "json"));
        dashboard.put(
                "CSV export by agent and day, 3 days",
                kpiUri(service, brand, firstDay, lastDay, "agent,day", "", "csv"));
        List<AnalyticsReport.Query> timed = new ArrayList<>();
        for (Map.Entry<String, URI> query : dashboard.entrySet()) {
            // The first call compiles the statements and warms the caches; it is timed but not counted.
            long firstStarted = System.nanoTime();
            HttpResponse<String> first;
            try {
                first = get(query.getValue(), admin, QUERY_TIMEOUT);
            } catch (HttpTimeoutException e) {
                say("query %-36s no answer within %d s", query.getKey(), QUERY_TIMEOUT.toSeconds());
                timed.add(new AnalyticsReport.Query(
                        query.getKey(),
                        query.getValue().getRawQuery(),
                        -1,
                        0,
                        QUERY_TIMEOUT,
                        LatencySummary.of(LatencySummary.newHistogram()),
                        "no answer within " + QUERY_TIMEOUT.toSeconds() + " s"));
                continue;
            }
            Duration firstCall = Duration.ofNanos(System.nanoTime() - firstStarted);
            if (first.statusCode() != 200) {
                throw new BenchmarkException(
                        "GET " + query.getValue() + " answered " + first.statusCode() + " " + first.body());
            }
            Histogram micros = LatencySummary.newHistogram();
            for (int i = 0; i < options.queryRepeats(); i++) {
                long started = System.nanoTime();
                HttpResponse<String> response = get(query.getValue(), admin, QUERY_TIMEOUT);
                LatencySummary.record(micros, System.nanoTime() - started);
                if (response.statusCode() != 200) {
                    throw new BenchmarkException("GET " + query.getValue() + " answered " + response.statusCode());
                }
            }
            int rows = query.getValue().getQuery().contains("format=csv")
                    ? (int) first.body().lines().count() - 1
                    : JSON.readTree(first.body()).path("rows").size();
            AnalyticsReport.Query result = new AnalyticsReport.Query(
                    query.getKey(),
                    query.getValue().getRawQuery(),
                    rows,
                    first.body().getBytes(StandardCharsets.UTF_8).length,
                    firstCall,
                    LatencySummary.of(micros),
                    null);
            say(
                    "query %-36s %5d rows  p50 %6.0f ms  p99 %6.0f ms",
                    result.name(),
                    result.rows(),
                    result.latency().p50(),
                    result.latency().p99());
            timed.add(result);
        }
        return new AnalyticsReport.Queries(firstDay, lastDay, options.queryRepeats(), timed);
    }

    private static URI kpiUri(
            ServiceProcess service,
            String brandId,
            LocalDate from,
            LocalDate to,
            String groupBy,
            String kpis,
            String format) {
        StringBuilder query = new StringBuilder(service.url())
                .append(KPI_PATH)
                .append("?brandId=")
                .append(URLEncoder.encode(brandId, StandardCharsets.UTF_8))
                .append("&from=")
                .append(from)
                .append("&to=")
                .append(to);
        if (!groupBy.isEmpty()) {
            query.append("&groupBy=").append(URLEncoder.encode(groupBy, StandardCharsets.UTF_8));
        }
        if (!kpis.isEmpty()) {
            query.append("&kpis=").append(kpis);
        }
        query.append("&format=").append(format);
        return URI.create(query.toString());
    }

    private HttpResponse<String> get(URI uri, TokenSource token) throws IOException, InterruptedException {
        return get(uri, token, Duration.ofSeconds(60));
    }

    private HttpResponse<String> get(URI uri, TokenSource token, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token.token())
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Long> countRows(BenchServers servers, ServiceDatabase database) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = servers.postgres().connect(database.name());
                Statement statement = connection.createStatement()) {
            for (String table : FACT_TABLES) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Each fact table's size on disk, indexes included. */
    private static Map<String, Long> tableBytes(BenchServers servers, ServiceDatabase database) throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection connection = servers.postgres().connect(database.name());
                Statement statement = connection.createStatement()) {
            for (String table : FACT_TABLES) {
                try (ResultSet rows = statement.executeQuery("select pg_total_relation_size('" + table + "')")) {
                    rows.next();
                    sizes.put(table, rows.getLong(1));
                }
            }
        }
        return sizes;
    }

    private List<String> scrapeMetrics(ServiceProcess service) {
        return ServiceMetrics.scrape(
                http, service, METRIC_PREFIXES, line -> !line.startsWith("http_server") || line.contains("kpis"));
    }

    static void say(String format, Object... values) {
        IngestionBenchmark.say(format, values);
    }
}

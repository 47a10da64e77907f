package com.bpo.infra;

import com.bpo.contracts.Topics.TopicSpec;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;

/** A single-node KRaft Kafka broker in a child JVM of the daemon. */
final class KafkaServer implements HostedServer {

    private final DaemonContext context;
    private Process broker;

    KafkaServer(DaemonContext context) {
        this.context = context;
    }

    @Override
    public Started start() throws Exception {
        int port = Ports.orFree(context.spec().port());
        Ports.requireFree(port, "Kafka");
        int controllerPort = Ports.free();
        Path dataDir = context.dataDir();
        Path logDir = dataDir.resolve("logs");
        Path config = dataDir.resolve("server.properties");
        writeConfig(config, logDir, port, controllerPort);
        String bootstrap = Ports.LOOPBACK + ":" + port;

        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-cp",
                InfraArtifacts.brokerClasspath(),
                KafkaBrokerMain.class.getName(),
                Long.toString(context.daemon().pid()),
                Long.toString(context.daemon().startMillis()),
                config.toString(),
                logDir.toString(),
                Uuid.randomUuid().toString()));
        broker = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .inheritIO()
                .start();
        DaemonLog.info("broker JVM " + broker.pid() + " starting on " + bootstrap);

        awaitBroker(bootstrap);
        createTopics(bootstrap);

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("controller.port", Integer.toString(controllerPort));
        properties.put("data.dir", dataDir.toString());
        properties.put(
                "data.dir.persistent",
                context.persistent() ? context.spec().dataDir().toString() : "");
        return new Started(List.of(ProcessRef.of(broker.toHandle())), Ports.LOOPBACK, port, properties);
    }

    private void writeConfig(Path config, Path logDir, int port, int controllerPort) throws IOException {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
        props.setProperty(
                "listeners",
                "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":"
                        + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("log.dirs", logDir.toString());
        props.setProperty("num.partitions", "6");
        props.setProperty("default.replication.factor", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("offsets.topic.replication.factor", "1");
        // Fewer internal partitions than the default 50 make the first consumer group start much faster.
        props.setProperty("offsets.topic.num.partitions", "6");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "6");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // Topics are declared (ARCHITECTURE section 4), as in production; a typo fails instead of creating a topic.
        props.setProperty("auto.create.topics.enable", "false");
        Files.createDirectories(config.getParent());
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(out, "single-node KRaft broker written by libs/infra");
        }
    }

    private void awaitBroker(String bootstrap) throws Exception {
        long deadline = System.nanoTime() + context.spec().kind().startTimeout().toNanos();
        Exception last = null;
        try (Admin admin = admin(bootstrap)) {
            while (System.nanoTime() < deadline) {
                if (!broker.isAlive()) {
                    throw new InfraException("the broker JVM exited with code " + broker.exitValue());
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                Thread.sleep(200);
            }
        }
        throw new InfraException("the broker did not answer on " + bootstrap, last);
    }

    private void createTopics(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec topic : context.spec().topics()) {
                if (existing.contains(topic.name())) {
                    continue;
                }
                NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), (short) 1);
                if (topic.compacted()) {
                    newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                missing.add(newTopic);
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                DaemonLog.info("created " + missing.size() + " topics");
            }
        }
    }

    static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return Admin.create(props);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public boolean isRunning() {
        return broker != null && broker.isAlive();
    }

    @Override
    public void stop() {
        if (broker != null && broker.isAlive()) {
            broker.destroy();
            try {
                if (!broker.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                    DaemonLog.warn("broker did not stop in 30 s; killing it");
                    broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                broker.destroyForcibly();
            }
        }
        context.deleteTemporaryData();
    }
}

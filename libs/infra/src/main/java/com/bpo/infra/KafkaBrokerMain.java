package com.bpo.infra;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Main class of the broker JVM: formats the KRaft storage on first start, then runs {@code kafka.Kafka}. It exits
 * (and Kafka's shutdown hook stops the broker cleanly) as soon as its daemon is gone, even if the daemon was killed
 * with SIGKILL and could not stop it.
 *
 * <p>Arguments: {@code <daemon pid> <daemon start millis> <server.properties> <log dir> <cluster id>}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws Exception {
        ProcessRef daemon = new ProcessRef(Long.parseLong(args[0]), Long.parseLong(args[1]));
        String config = args[2];
        Path logDir = Path.of(args[3]);
        String clusterId = args[4];
        watchDaemon(daemon);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            int code = kafka.tools.StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config}, out);
            if (code != 0) {
                System.err.println("formatting the Kafka storage in " + logDir + " failed with code " + code);
                System.exit(code);
            }
        }
        kafka.Kafka.main(new String[] {config});
    }

    private static void watchDaemon(ProcessRef daemon) {
        Thread watcher = new Thread(
                () -> {
                    while (daemon.isAlive()) {
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    System.err.println("server daemon " + daemon.pid() + " is gone; stopping the broker");
                    System.exit(0);
                },
                "daemon-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}

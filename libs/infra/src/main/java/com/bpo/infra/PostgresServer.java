package com.bpo.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server from the zonky binaries. Every connection, the superuser's included, needs a password
 * (SCRAM): a service configured with the wrong credentials fails here as it would in production.
 */
final class PostgresServer implements HostedServer {

    static final String SUPERUSER = "postgres";

    private final DaemonContext context;
    private EmbeddedPostgres postgres;
    private ProcessRef postmaster;
    private Watchdog watchdog;

    PostgresServer(DaemonContext context) {
        this.context = context;
    }

    @Override
    public Started start() throws Exception {
        int port = Ports.orFree(context.spec().port());
        Ports.requireFree(port, "PostgreSQL");
        Path dir = context.dataDir();
        Path pgData = dir.resolve("pgdata");
        boolean initialised = Files.exists(pgData.resolve("postgresql.conf"));
        if (!initialised) {
            Files.deleteIfExists(dir.resolve("superuser.password"));
        }
        String password = Secrets.readOrCreate(dir.resolve("superuser.password"));
        Path passwordFile = dir.resolve("initdb.pwfile");
        Secrets.writePrivate(passwordFile, password);

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(!context.persistent())
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(
                        Caches.root().resolve("embedded-pg").toFile())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                // zonky hands these to initdb as --name=value; --pwfile gives the superuser its password from the
                // start, since zonky's own initdb call has no option for it.
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setConnectConfig("password", password)
                .setServerConfig("max_connections", "300")
                // Every CREATE DATABASE forces a checkpoint; logging each one buries the useful lines.
                .setServerConfig("log_checkpoints", "off")
                .setDataDirectoryCustomizer(data -> writeHostBasedAuthentication(data.toPath()));
        if (context.persistent()) {
            // zonky starts the server with -F (no fsync) and synchronous_commit off (a commit returns before its WAL
            // is flushed, so a crash loses the last commits); data that must survive a crash needs both back on.
            builder.setServerConfig("fsync", "on");
            builder.setServerConfig("synchronous_commit", "on");
        }
        try {
            postgres = builder.start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        postmaster = readPostmaster(pgData);
        watchdog = Watchdog.start(context.daemon(), postmaster, "INT");
        DaemonLog.info(
                "PostgreSQL " + version(port, password) + " (postmaster " + postmaster.pid() + ") on port " + port);

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("superuser", SUPERUSER);
        properties.put("superuser.password", password);
        properties.put("data.dir", pgData.toString());
        properties.put(
                "data.dir.persistent",
                context.persistent() ? context.spec().dataDir().toString() : "");
        return new Started(List.of(postmaster), Ports.LOOPBACK, port, properties);
    }

    private static void writeHostBasedAuthentication(Path pgData) {
        String hba =
                """
                # Written by libs/infra on every start: every connection authenticates with a password.
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """;
        try {
            Files.writeString(pgData.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessRef readPostmaster(Path pgData) throws IOException {
        String firstLine = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8)
                .get(0);
        long pid = Long.parseLong(firstLine.trim());
        return ProcessHandle.of(pid)
                .map(ProcessRef::of)
                .orElseThrow(() -> new InfraException("postmaster " + pid + " is not running"));
    }

    private static String version(int port, String password) {
        PostgresEndpoint endpoint = new PostgresEndpoint(Ports.LOOPBACK, port, SUPERUSER, password);
        return endpoint.serverVersion();
    }

    @Override
    public boolean isRunning() {
        return postmaster != null && postmaster.isAlive();
    }

    @Override
    public void stop() {
        if (watchdog != null) {
            watchdog.cancel();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                DaemonLog.warn("pg_ctl stop failed: " + e);
            }
        }
        if (postmaster != null && !postmaster.terminate(Duration.ofSeconds(30))) {
            DaemonLog.warn("postmaster " + postmaster.pid() + " did not stop");
        }
        context.deleteTemporaryData();
    }
}

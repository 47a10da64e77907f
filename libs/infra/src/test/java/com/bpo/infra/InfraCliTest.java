package com.bpo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraCliTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stopServers() {
        run("stop", "--state-dir", stateDir().toString());
    }

    @Test
    void startPrintsAddressesAndStopEndsTheServers() {
        int port = Ports.free();

        int started = run(startArgs(port, "agent,ticket"));

        assertThat(started).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(output())
                .contains("postgres  127.0.0.1:" + port)
                .contains("jdbc:postgresql://127.0.0.1:" + port + "/agent")
                .contains("owner ticket_owner / ")
                .contains("kafka     not running");
        ServerState state = new ServerLauncher(stateDir(), null)
                .running(ServerKind.POSTGRES)
                .orElseThrow();
        assertThat(state.owner())
                .as("servers of the command line have no owner")
                .isNull();

        assertThat(run("stop", "--state-dir", stateDir().toString())).isZero();

        assertThat(output())
                .contains("postgres  stopped (daemon " + state.daemon().pid() + ")");
        assertThat(state.daemon().isAlive()).isFalse();
        assertThat(state.servers()).noneMatch(ProcessRef::isAlive);
    }

    @Test
    void dataInTheDataDirectorySurvivesARestart() throws SQLException {
        int port = Ports.free();
        assertThat(run(startArgs(port, "agent")))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        PostgresEndpoint postgres = PostgresEndpoint.from(new ServerLauncher(stateDir(), null)
                .running(ServerKind.POSTGRES)
                .orElseThrow());
        ServiceDatabase agent = postgres.createServiceDatabase("agent", false);
        try (Connection owner = postgres.connect("agent", agent.owner());
                Statement sql = owner.createStatement()) {
            sql.execute("create table shift (id int primary key)");
            sql.execute("insert into shift values (7)");
            // A commit of a server with a data directory is on disk when it returns.
            assertThat(setting(sql, "fsync")).isEqualTo("on");
            assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
        }
        assertThat(run("stop", "--state-dir", stateDir().toString())).isZero();

        assertThat(run(startArgs(port, "agent")))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();

        PostgresEndpoint restarted = PostgresEndpoint.from(new ServerLauncher(stateDir(), null)
                .running(ServerKind.POSTGRES)
                .orElseThrow());
        ServiceDatabase again = restarted.createServiceDatabase("agent", false);
        assertThat(again).isEqualTo(agent);
        try (Connection app = restarted.connect("agent", again.app());
                Statement sql = app.createStatement();
                var rows = sql.executeQuery("select id from shift")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void statusAsJsonNamesTheDatabasesAndTheirCredentials() {
        int port = Ports.free();
        assertThat(run(startArgs(port, "qa"))).isZero();
        out.reset();

        assertThat(run("status", "--state-dir", stateDir().toString(), "--json"))
                .isZero();

        assertThat(output())
                .contains("\"postgres\"")
                .contains("\"jdbcUrl\" : \"jdbc:postgresql://127.0.0.1:" + port + "/qa\"")
                .contains("\"username\" : \"qa_app\"")
                .doesNotContain("\"kafka\"");
    }

    @Test
    void unknownOptionPrintsUsageAndFails() {
        assertThat(run("start", "--kafka-prot", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown option: --kafka-prot")
                .contains("Usage: infra");
    }

    @Test
    void unknownCommandIsNamed() {
        assertThat(run("restart")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: restart");
    }

    @Test
    void portInUseIsReportedWithTheDaemonLog() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 0, java.net.InetAddress.getByName(Ports.LOOPBACK))) {
            assertThat(run(startArgs(taken.getLocalPort(), ""))).isEqualTo(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("infra start failed")
                .contains("already in use");
    }

    private String[] startArgs(int postgresPort, String databases) {
        List<String> args = new ArrayList<>(List.of(
                "start",
                "--only",
                "postgres",
                "--postgres-port",
                Integer.toString(postgresPort),
                "--state-dir",
                stateDir().toString(),
                "--data-dir",
                home.resolve("data").toString(),
                "--databases",
                databases));
        return args.toArray(String[]::new);
    }

    private int run(String... args) {
        return new InfraCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path stateDir() {
        return home.resolve("state");
    }

    private static String setting(Statement sql, String name) throws SQLException {
        try (var rows = sql.executeQuery("select current_setting('" + name + "')")) {
            rows.next();
            return rows.getString(1);
        }
    }
}

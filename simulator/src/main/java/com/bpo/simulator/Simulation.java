package com.bpo.simulator;

import com.bpo.simulator.SimulationResult.KpiRow;
import com.bpo.simulator.SimulationResult.KpiValue;
import com.bpo.simulator.TrafficEvent.EventKind;
import com.bpo.simulator.TrafficFigures.VendorFigures;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a traffic scenario against the platform: generates it, sends it through the gateway with real tokens at the
 * chosen speed or rate, waits until the KPIs have caught up and prints brand-zongzi's KPIs per vendor.
 */
public final class Simulation {

    /** Secrets of the local realm's integration clients (public, local only: see deploy/keycloak). */
    private static final Map<String, String[]> INTEGRATION_CLIENTS = Map.of(
            DemoOrganisation.BRAND_ZONGZI,
            new String[] {"integration-zongzi", "local-only-integration-zongzi-secret"},
            DemoOrganisation.BRAND_TEAHOUSE,
            new String[] {"integration-teahouse", "local-only-integration-teahouse-secret"});

    /** How long to wait for the KPIs to show the traffic after the last answer. */
    static final Duration KPI_WAIT = Duration.ofMinutes(5);

    static final Duration KPI_POLL = Duration.ofSeconds(2);

    private Simulation() {}

    /** Command line: the options of {@link SimulationSettings#USAGE}. */
    public static void main(String[] args) {
        SimulationSettings settings;
        try {
            settings = SimulationSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(SimulationSettings.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(settings, System.out);
        } catch (RuntimeException e) {
            // The message names what was being done and the address; a stack trace would bury it.
            System.err.println("simulation failed: " + e.getMessage());
            System.exit(1);
        }
    }

    public static SimulationResult run(SimulationSettings settings, PrintStream out) {
        LocalDate today = LocalDate.now(DragonBoatPeak.ZONE);
        LocalDate from = DragonBoatPeak.firstDay(today, settings.days());
        LocalDate to = today.minusDays(1);
        List<TrafficEvent> traffic = DragonBoatPeak.generate(settings.seed(), from, settings.days());
        TrafficFigures generated = TrafficFigures.of(traffic);
        out.printf(
                Locale.ROOT,
                "scenario %s, seed %d: %,d events over %s to %s (%s), %s%n",
                settings.scenario(),
                settings.seed(),
                traffic.size(),
                from,
                to,
                DragonBoatPeak.ZONE,
                settings.rate() == null
                        ? String.format(Locale.ROOT, "replayed at %,.0fx real time", settings.speed())
                        : String.format(Locale.ROOT, "sent at %,.0f events/s", settings.rate()));

        PlatformClient client = new PlatformClient(settings.gateway());
        Map<String, TokenSource> brandTokens = new ConcurrentHashMap<>();
        INTEGRATION_CLIENTS.forEach((brandId, credentials) -> brandTokens.put(
                brandId,
                TokenSource.clientCredentials(
                        client.http(), settings.keycloakRealm(), credentials[0], credentials[1])));
        Map<String, TokenSource> agentTokens = new ConcurrentHashMap<>();
        DemoOrganisation.AGENT_LOGINS.forEach((agentId, username) -> agentTokens.put(
                agentId,
                TokenSource.password(
                        client.http(),
                        settings.keycloakRealm(),
                        DemoOrganisation.CLI_CLIENT,
                        username,
                        DemoOrganisation.DEMO_PASSWORD)));
        TokenSource analyst = TokenSource.password(
                client.http(),
                settings.keycloakRealm(),
                DemoOrganisation.CLI_CLIENT,
                "zongzi-analyst",
                DemoOrganisation.DEMO_PASSWORD);
        // Fail before sending anything when a login does not work.
        brandTokens.values().forEach(TokenSource::accessToken);
        agentTokens.values().forEach(TokenSource::accessToken);
        analyst.accessToken();

        Tally tally = new Tally();
        Progress progress = new Progress(out, out == System.out && System.console() != null, tally);
        Replay replay = new Replay(client, brandTokens::get, agentTokens::get, tally, progress);
        long start = System.nanoTime();
        Instant scenarioStart = from.atStartOfDay(DragonBoatPeak.ZONE).toInstant();
        replay.send(
                traffic,
                settings.rate() == null
                        ? Replay.Pacing.clock(start, scenarioStart, settings.speed())
                        : Replay.Pacing.rate(start, settings.rate()));
        Duration sendingTime = Duration.ofNanos(System.nanoTime() - start);
        out.printf(
                Locale.ROOT,
                "sent %,d records in %,d requests in %.1f s (%,.0f records/s); rejected %,d, failed %,d%n",
                tally.totalSent(),
                tally.requests(),
                sendingTime.toMillis() / 1000.0,
                tally.totalSent() / Math.max(1e-3, sendingTime.toMillis() / 1000.0),
                tally.totalRejected(),
                tally.totalFailed());
        if (tally.problemCount() > 0) {
            out.println("problems (" + tally.problemCount() + "), the first ones:");
            tally.problems().forEach(problem -> out.println("  " + problem));
        }

        boolean complete = tally.rejectedByKind().get(EventKind.MESSAGE) == 0
                && tally.failedByKind().get(EventKind.MESSAGE) == 0
                && tally.rejectedByKind().get(EventKind.CALL) == 0
                && tally.failedByKind().get(EventKind.CALL) == 0;
        Map<String, VendorFigures> expected = generated.vendors().getOrDefault(DemoOrganisation.BRAND_ZONGZI, Map.of());
        out.println("waiting for the KPIs to catch up ...");
        long waitStart = System.nanoTime();
        KpiWait wait = awaitKpis(client, analyst, from, to, expected, complete);
        if (wait.problem() != null) {
            out.println("KPIs could not be read: " + wait.problem());
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s after %.1f s%n",
                    wait.caughtUp() ? "KPIs caught up" : "KPIs still moving at the end of the wait",
                    (System.nanoTime() - waitStart) / 1e9);
        }
        out.print(KpiReport.table(DemoOrganisation.BRAND_ZONGZI, from, to, wait.rows()));
        out.println("generated (what the KPIs should show):");
        expected.forEach((vendorId, figures) -> out.printf(
                Locale.ROOT,
                "  %-16s inquiries %,d, answered %.1f %%, first response %.1f s, calls %,d, abandoned %.1f %%%n",
                vendorId,
                figures.inquiries(),
                figures.responseRate() * 100,
                figures.meanFirstResponseSeconds(),
                figures.callsOffered(),
                figures.abandonRate() * 100));
        out.println("reveals per agent: " + generated.revealsByAgent());
        return new SimulationResult(
                from,
                to,
                generated,
                tally.sentByKind(),
                tally.rejectedByKind(),
                tally.failedByKind(),
                tally.problems(),
                sendingTime,
                wait.rows(),
                wait.caughtUp());
    }

    private record KpiWait(List<KpiRow> rows, boolean caughtUp, String problem) {}

    /**
     * Polls the KPIs until they show every generated inquiry and inbound call and stop changing (or, when some
     * records were refused, only until they stop changing), or until {@link #KPI_WAIT} has passed.
     */
    private static KpiWait awaitKpis(
            PlatformClient client,
            TokenSource analyst,
            LocalDate from,
            LocalDate to,
            Map<String, VendorFigures> expected,
            boolean everythingTaken) {
        long inquiries =
                expected.values().stream().mapToLong(VendorFigures::inquiries).sum();
        long calls = expected.values().stream()
                .mapToLong(VendorFigures::callsOffered)
                .sum();
        long deadline = System.nanoTime() + KPI_WAIT.toNanos();
        List<KpiRow> previous = null;
        int stablePolls = 0;
        int refusals = 0;
        String lastProblem = null;
        while (true) {
            PlatformClient.Answer answer = client.send(
                    "GET", KpiReport.query(DemoOrganisation.BRAND_ZONGZI, from, to), analyst.accessToken(), null, null);
            if (answer.ok()) {
                List<KpiRow> rows = KpiReport.rows(answer.json());
                boolean complete =
                        !everythingTaken || (sum(rows, "inquiries") >= inquiries && sum(rows, "callsOffered") >= calls);
                stablePolls = rows.equals(previous) ? stablePolls + 1 : 0;
                // Stable over two polls: orders and ratings travel on their own topic and may trail the chats.
                if (complete && stablePolls >= 2) {
                    return new KpiWait(rows, true, null);
                }
                if (System.nanoTime() > deadline) {
                    return new KpiWait(rows, false, null);
                }
                previous = rows;
            } else {
                lastProblem = "GET /api/v1/kpis answered HTTP " + answer.status() + " " + answer.problemDetail();
                // A refusal will not change by waiting; a service still starting or overloaded may.
                boolean refused = answer.status() == 401 || answer.status() == 403 || answer.status() == 404;
                if ((refused && ++refusals >= 3) || System.nanoTime() > deadline) {
                    return new KpiWait(previous == null ? List.of() : previous, false, lastProblem);
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(KPI_POLL.toMillis()));
        }
    }

    private static long sum(List<KpiRow> rows, String kpi) {
        return rows.stream()
                .map(row -> row.kpi(kpi))
                .filter(value -> value != null && value.numerator() != null)
                .map(KpiValue::numerator)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .longValue();
    }
}

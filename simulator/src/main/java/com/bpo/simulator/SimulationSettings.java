package com.bpo.simulator;

import java.net.URI;
import java.util.Objects;

/**
 * What one simulation run sends, where, and how fast.
 *
 * @param gateway the platform's public entry, e.g. {@code http://127.0.0.1:8080}
 * @param keycloakRealm the realm's base URL, e.g. {@code http://127.0.0.1:8180/realms/bpo}
 * @param scenario the scenario's name; {@code dragon-boat-peak} is the one there is
 * @param days local days of traffic, ending at the start of today in the brand's time zone
 * @param speed how many times faster than real time the days are replayed
 * @param rate events per second regardless of the scenario's clock (for benchmarks); {@code null} = follow the clock
 * @param seed the generator's seed: the same seed on the same day gives the same traffic
 */
public record SimulationSettings(
        URI gateway, URI keycloakRealm, String scenario, int days, double speed, Double rate, long seed) {

    public static final String DRAGON_BOAT_PEAK = "dragon-boat-peak";
    public static final URI LOCAL_GATEWAY = URI.create("http://127.0.0.1:8080");
    public static final URI LOCAL_REALM = URI.create("http://127.0.0.1:8180/realms/bpo");
    public static final int DEFAULT_DAYS = 3;
    public static final double DEFAULT_SPEED = 600;
    /** The Dragon Boat Festival of 2026. */
    public static final long DEFAULT_SEED = 20260619L;

    public static final int MAX_DAYS = 30;

    public static final String USAGE =
            """
            Options:
              --scenario NAME     traffic scenario (default dragon-boat-peak, the only one)
              --days N            local days of traffic ending at the start of today, 1-30 (default 3)
              --speed X           replay X times faster than real time, > 0 (default 600)
              --rate R            send R events per second instead of following the scenario's clock
              --seed S            generator seed, a whole number (default 20260619); same seed, same traffic
              --gateway URL       the platform's gateway (default http://127.0.0.1:8080)
              --keycloak URL      the Keycloak realm (default http://127.0.0.1:8180/realms/bpo)
            """;

    public SimulationSettings {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(keycloakRealm, "keycloakRealm");
        Objects.requireNonNull(scenario, "scenario");
        if (!DRAGON_BOAT_PEAK.equals(scenario)) {
            throw new IllegalArgumentException(
                    "--scenario: unknown scenario '" + scenario + "'; known: " + DRAGON_BOAT_PEAK);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("--days must be from 1 to " + MAX_DAYS + ", got " + days);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed must be a number above 0, got " + speed);
        }
        if (rate != null && (!(rate > 0) || rate.isInfinite())) {
            throw new IllegalArgumentException("--rate must be a number above 0 (events per second), got " + rate);
        }
    }

    /** The defaults: the local stack, three days of the peak at 600 times real time. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(
                LOCAL_GATEWAY, LOCAL_REALM, DRAGON_BOAT_PEAK, DEFAULT_DAYS, DEFAULT_SPEED, null, DEFAULT_SEED);
    }

    /**
     * Reads command-line options ({@link #USAGE}); anything left out keeps its default.
     *
     * @throws IllegalArgumentException naming the option that is unknown, lacks its value or has a wrong one
     */
    public static SimulationSettings parse(String... args) {
        URI gateway = LOCAL_GATEWAY;
        URI realm = LOCAL_REALM;
        String scenario = DRAGON_BOAT_PEAK;
        int days = DEFAULT_DAYS;
        double speed = DEFAULT_SPEED;
        Double rate = null;
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            } else {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                value = args[++i];
            }
            switch (option) {
                case "--scenario" -> scenario = value;
                case "--days" -> days = (int) wholeNumber(option, value, 1, MAX_DAYS);
                case "--speed" -> speed = positive(option, value);
                case "--rate" -> rate = positive(option, value);
                case "--seed" -> seed = wholeNumber(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--gateway" -> gateway = url(option, value);
                case "--keycloak" -> realm = url(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new SimulationSettings(gateway, realm, scenario, days, speed, rate, seed);
    }

    /** The same run against another stack (the launcher knows its own addresses). */
    public SimulationSettings withEndpoints(URI gateway, URI keycloakRealm) {
        return new SimulationSettings(gateway, keycloakRealm, scenario, days, speed, rate, seed);
    }

    private static long wholeNumber(String option, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", got " + parsed);
        }
        return parsed;
    }

    private static double positive(String option, String value) {
        double parsed;
        try {
            parsed = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
        }
        if (!(parsed > 0) || Double.isInfinite(parsed)) {
            throw new IllegalArgumentException(option + " must be a number above 0, got '" + value + "'");
        }
        return parsed;
    }

    private static URI url(String option, String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(option + " must be an http(s) URL, got '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(option)) {
                throw e;
            }
            throw new IllegalArgumentException(option + " must be an http(s) URL, got '" + value + "'");
        }
    }
}

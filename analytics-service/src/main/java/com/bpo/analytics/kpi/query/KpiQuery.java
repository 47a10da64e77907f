package com.bpo.analytics.kpi.query;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a KPI query asks for, checked.
 *
 * @param from first local day (in the brand's zone), inclusive
 * @param to last local day, inclusive
 * @param groupBy the group keys in the order asked, without repeats
 * @param kpis the KPIs in the order asked, without repeats
 */
public record KpiQuery(LocalDate from, LocalDate to, List<GroupKey> groupBy, List<Kpi> kpis) {

    /** The longest range a query may cover, in days: a year, leap years included. */
    public static final int MAX_DAYS = 366;

    public KpiQuery {
        groupBy = List.copyOf(groupBy);
        kpis = List.copyOf(kpis);
    }

    /**
     * Reads the query parameters.
     *
     * @param groupBy comma-separated group keys, may be null or blank (no grouping)
     * @param kpis comma-separated KPI names, null or blank for every KPI
     * @throws ProblemException 400 naming the parameter and the value that is wrong
     */
    public static KpiQuery parse(String from, String to, String groupBy, String kpis) {
        LocalDate fromDay = date("from", from);
        LocalDate toDay = date("to", to);
        if (fromDay.isAfter(toDay)) {
            throw ProblemException.invalid(
                    "from must not be after to", new FieldError("from", "must not be after to (" + to + ")", from));
        }
        if (ChronoUnit.DAYS.between(fromDay, toDay) + 1 > MAX_DAYS) {
            throw ProblemException.invalid(
                    "The range covers more than " + MAX_DAYS + " days",
                    new FieldError("to", "must be at most " + MAX_DAYS + " days from from, both inclusive", to));
        }
        Set<GroupKey> keys = new LinkedHashSet<>();
        for (String name : names(groupBy)) {
            keys.add(GroupKey.of(name)
                    .orElseThrow(() -> unknown(
                            "groupBy",
                            name,
                            Arrays.stream(GroupKey.values()).map(GroupKey::key).toList())));
        }
        Set<Kpi> asked = new LinkedHashSet<>();
        List<String> kpiNames = names(kpis);
        if (kpiNames.isEmpty()) {
            asked.addAll(Arrays.asList(Kpi.values()));
        }
        for (String name : kpiNames) {
            asked.add(Kpi.of(name)
                    .orElseThrow(() -> unknown(
                            "kpis",
                            name,
                            Arrays.stream(Kpi.values()).map(Kpi::key).toList())));
        }
        return new KpiQuery(fromDay, toDay, new ArrayList<>(keys), new ArrayList<>(asked));
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(
                    parameter + " is required", FieldError.of(parameter, "is required, an ISO date like 2026-06-01"));
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(
                    parameter + " is not an ISO date",
                    new FieldError(parameter, "must be an ISO date like 2026-06-01", value));
        }
    }

    private static List<String> names(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).toList();
    }

    private static ProblemException unknown(String parameter, String value, List<String> known) {
        return ProblemException.invalid(
                "Unknown " + parameter + " value '" + value + "'",
                new FieldError(parameter, "unknown value; known: " + String.join(", ", known), value));
    }
}

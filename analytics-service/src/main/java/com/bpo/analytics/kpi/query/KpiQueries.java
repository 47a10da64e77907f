package com.bpo.analytics.kpi.query;

import com.bpo.contracts.org.KpiVariants;
import com.bpo.kit.org.OrgCopy;
import com.bpo.kit.tenant.TenantConnections;
import com.bpo.kit.tenant.TenantScope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers KPI queries: for each family of the requested KPIs one aggregate statement over the fact tables, grouped by
 * the requested keys, each in a tenant transaction of the caller's scope (row-level security applies). A vendor scope
 * sees only records credited to its vendor, an agent scope only records credited to the agent.
 */
@ApplicationScoped
public class KpiQueries {

    /** An order can qualify for a cohort member whose window started at most this many days before. */
    static final int CONVERSION_REACH_DAYS = KpiVariants.MAX_CONVERSION_WINDOW_DAYS + 3;

    private static final String TIME_ZONE =
            "select state->>'timeZone' as zone from kit_org_state where kind = 'brand' and id = $1";

    private static final String ACTIVE_BRANDS =
            """
            select id as brand_id from kit_org_state where kind = 'brand'
            union select brand_id from kpi_conversation where inquiry_at >= now() - interval '2 days'
            union select brand_id from kpi_call where offered_at >= now() - interval '2 days'
            order by 1
            """;

    private static final Comparator<List<String>> GROUP_ORDER = (left, right) -> {
        for (int i = 0; i < left.size(); i++) {
            String a = left.get(i);
            String b = right.get(i);
            if (a == null || b == null) {
                if (a != b) {
                    return a == null ? 1 : -1;
                }
                continue;
            }
            int compared = a.compareTo(b);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    };

    private final TenantConnections tenants;
    private final Clock clock;
    private final int concurrentStatements;

    KpiQueries(
            TenantConnections tenants,
            Clock clock,
            @ConfigProperty(name = "bpo.kpi.query.concurrent-statements", defaultValue = "3")
                    int concurrentStatements) {
        if (concurrentStatements < 1) {
            throw new IllegalArgumentException(
                    "bpo.kpi.query.concurrent-statements must be at least 1, was " + concurrentStatements);
        }
        this.tenants = tenants;
        this.clock = clock;
        this.concurrentStatements = concurrentStatements;
    }

    /**
     * The report of {@code brandId}, as {@code scope} may see it.
     *
     * @return the report, or a null item when the brand is outside the scope (answer 404)
     */
    public Uni<KpiReport> report(TenantScope scope, String brandId, KpiQuery query) {
        if (!scope.allowsBrand(brandId)) {
            return Uni.createFrom().nullItem();
        }
        return tenants.inScope(scope, connection -> timeZone(connection, brandId))
                .chain(zone -> totals(scope, brandId, zone, query, concurrentStatements)
                        .map(totals -> assemble(brandId, zone, query, totals)));
    }

    /**
     * Today's report of {@code brandId} (today in the brand's zone) for the platform's own use, e.g. metrics. Its
     * statements run one at a time: background work should not take several cores from the facts consumers at once.
     */
    public Uni<KpiReport> today(String brandId, List<GroupKey> groupBy, List<Kpi> kpis) {
        TenantScope scope = TenantScope.platform();
        return tenants.inScope(scope, connection -> timeZone(connection, brandId))
                .chain(zone -> {
                    LocalDate today = LocalDate.now(clock.withZone(zone));
                    KpiQuery query = new KpiQuery(today, today, groupBy, kpis);
                    return totals(scope, brandId, zone, query, 1).map(totals -> assemble(brandId, zone, query, totals));
                });
    }

    /** Brands with an organisation record or with chats or calls in the last two days. */
    public Uni<List<String>> activeBrands() {
        return tenants.forPlatform(
                connection -> connection.query(ACTIVE_BRANDS).execute().map(rows -> {
                    List<String> brands = new ArrayList<>();
                    rows.forEach(row -> brands.add(row.getString("brand_id")));
                    return brands;
                }));
    }

    private static Uni<ZoneId> timeZone(SqlConnection connection, String brandId) {
        return connection.preparedQuery(TIME_ZONE).execute(Tuple.of(brandId)).map(rows -> {
            String zone = rows.iterator().hasNext() ? rows.iterator().next().getString("zone") : null;
            if (zone == null) {
                return OrgCopy.DEFAULT_TIME_ZONE;
            }
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                return OrgCopy.DEFAULT_TIME_ZONE;
            }
        });
    }

    /**
     * Each family's statement runs in a tenant transaction of its own, up to {@code concurrency} at once on separate
     * connections. Nothing is lost by not sharing one transaction: under read committed every statement
     * reads its own snapshot anyway.
     */
    private Uni<Map<Family, Map<List<String>, Totals>>> totals(
            TenantScope scope, String brandId, ZoneId zone, KpiQuery query, int concurrency) {
        Set<Family> families = new LinkedHashSet<>();
        query.kpis().forEach(kpi -> families.add(kpi.family()));
        if (query.kpis().contains(Kpi.COMPLAINT_RATE)) {
            families.add(Family.CHAT);
        }
        Tuple parameters = Tuple.from(Arrays.asList(
                brandId,
                startOf(query.from(), zone),
                startOf(query.to().plusDays(1), zone),
                scope.vendorId(),
                scope.agentId(),
                zone.getId(),
                startOf(query.from().minusDays(silentSalesAsked(query) ? CONVERSION_REACH_DAYS : 0), zone),
                startOf(query.to().plusDays(1 + CONVERSION_REACH_DAYS), zone)));
        return Multi.createFrom()
                .iterable(families)
                .onItem()
                .transformToUni(family -> {
                    String sql = KpiQueryBuilder.sql(family, query.groupBy());
                    return tenants.inScope(scope, connection -> connection
                            .preparedQuery(sql)
                            .execute(parameters)
                            .map(rows -> Map.entry(
                                    family, read(rows, family, query.groupBy().size()))));
                })
                .merge(concurrency)
                .collect()
                .in(() -> new EnumMap<>(Family.class), (all, entry) -> all.put(entry.getKey(), entry.getValue()));
    }

    /**
     * Whether the query asks for a silent-sales KPI. Only those need the cohort members before the range (an order in
     * the range may qualify for one of them); without them the conversion statement reads members and orders from the
     * range's start, which spares it up to 17 days of conversations and changes no other KPI.
     */
    private static boolean silentSalesAsked(KpiQuery query) {
        return query.kpis().contains(Kpi.SILENT_SALES) || query.kpis().contains(Kpi.SILENT_SALES_AMOUNT);
    }

    private static Map<List<String>, Totals> read(Iterable<Row> rows, Family family, int keys) {
        Map<List<String>, Totals> totals = new HashMap<>();
        for (Row row : rows) {
            List<String> group = new ArrayList<>(keys);
            for (int i = 0; i < keys; i++) {
                group.add(row.getString("k" + i));
            }
            Map<String, BigDecimal> measures = new HashMap<>();
            for (String measure : family.measures()) {
                measures.put(measure, row.getBigDecimal(measure));
            }
            Object variants = row.getValue("variants");
            TreeSet<String> sorted = new TreeSet<>();
            if (variants instanceof String[] values) {
                sorted.addAll(Arrays.asList(values));
            }
            totals.put(group, new Totals(measures, List.copyOf(sorted), row.getInteger("window_days")));
        }
        return totals;
    }

    private KpiReport assemble(
            String brandId, ZoneId zone, KpiQuery query, Map<Family, Map<List<String>, Totals>> totals) {
        Set<List<String>> groups = new TreeSet<>(GROUP_ORDER);
        for (Kpi kpi : query.kpis()) {
            groups.addAll(totals.get(kpi.family()).keySet());
        }
        List<KpiRow> rows = new ArrayList<>();
        for (List<String> group : groups) {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < group.size(); i++) {
                named.put(query.groupBy().get(i).key(), group.get(i));
            }
            LocalDate lastDay = lastDay(query, group);
            Map<String, KpiValue> values = new LinkedHashMap<>();
            for (Kpi kpi : query.kpis()) {
                Totals family = totals.get(kpi.family()).getOrDefault(group, Totals.NONE);
                Totals denominators =
                        kpi == Kpi.COMPLAINT_RATE ? totals.get(Family.CHAT).getOrDefault(group, Totals.NONE) : family;
                values.put(kpi.key(), value(kpi, family, denominators, lastDay, zone));
            }
            rows.add(new KpiRow(named, values));
        }
        return new KpiReport(
                brandId,
                zone.getId(),
                query.from(),
                query.to(),
                query.groupBy().stream().map(GroupKey::key).toList(),
                rows);
    }

    private KpiValue value(Kpi kpi, Totals family, Totals denominators, LocalDate lastDay, ZoneId zone) {
        BigDecimal numerator = family.measure(kpi.numerator());
        boolean isFinal = isFinal(kpi, family, lastDay, zone);
        String variant = kpi.variantKind() == Kpi.VariantKind.FAMILY
                        && !family.variants().isEmpty()
                ? String.join(";", family.variants())
                : null;
        if (kpi.isCount()) {
            return new KpiValue(numerator, numerator, null, isFinal, variant);
        }
        BigDecimal denominator = denominators.measure(kpi.denominator());
        BigDecimal value = denominator.signum() == 0 ? null : numerator.divide(denominator, 4, RoundingMode.HALF_EVEN);
        return new KpiValue(value, numerator, denominator, isFinal, variant);
    }

    private boolean isFinal(Kpi kpi, Totals family, LocalDate lastDay, ZoneId zone) {
        int window = family.windowDays() == null ? KpiSql.DEFAULT_WINDOW : family.windowDays();
        int days =
                switch (kpi.finality()) {
                    case SETTLED -> 2;
                    case CONVERSION -> window + 2;
                    case PAID_CONVERSION -> window + 9;
                    case SILENT_SALES -> 9;
                };
        return !clock.instant()
                .isBefore(lastDay.plusDays(days).atStartOfDay(zone).toInstant());
    }

    /** The group's day when grouped by day or hour, else the query's last day. */
    private static LocalDate lastDay(KpiQuery query, List<String> group) {
        int day = query.groupBy().indexOf(GroupKey.DAY);
        if (day >= 0 && group.get(day) != null) {
            return LocalDate.parse(group.get(day));
        }
        int hour = query.groupBy().indexOf(GroupKey.HOUR);
        if (hour >= 0 && group.get(hour) != null) {
            return LocalDate.parse(group.get(hour).substring(0, 10));
        }
        return query.to();
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return OffsetDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
    }

    /** A family's sums in one group. */
    record Totals(Map<String, BigDecimal> measures, List<String> variants, Integer windowDays) {

        static final Totals NONE = new Totals(Map.of(), List.of(), null);

        BigDecimal measure(String name) {
            BigDecimal value = measures.get(name);
            return value == null ? BigDecimal.ZERO : value;
        }
    }
}

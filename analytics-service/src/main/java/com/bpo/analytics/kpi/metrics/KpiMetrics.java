package com.bpo.analytics.kpi.metrics;

import com.bpo.analytics.kpi.query.GroupKey;
import com.bpo.analytics.kpi.query.Kpi;
import com.bpo.analytics.kpi.query.KpiQueries;
import com.bpo.analytics.kpi.query.KpiReport;
import com.bpo.analytics.kpi.query.KpiRow;
import com.bpo.analytics.kpi.query.KpiValue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Today's headline KPIs of every brand per vendor as Prometheus gauges, {@code bpo.kpi.today{brand, vendor, kpi}},
 * refreshed every {@code bpo.kpi.metrics.interval} through the same queries as the API, in platform scope. Only brand
 * and vendor tags: agents and customers would give unbounded series. A value whose denominator is 0, or of a group
 * that has no records today any more, reads NaN; records without a vendor are tagged {@code vendor="none"}.
 */
@ApplicationScoped
public class KpiMetrics {

    /** The gauge's name. */
    public static final String TODAY = "bpo.kpi.today";

    static final List<Kpi> HEADLINE = List.of(
            Kpi.INQUIRIES,
            Kpi.RESPONSE_RATE,
            Kpi.FIRST_RESPONSE_SECONDS,
            Kpi.WITHIN_THRESHOLD_RATE,
            Kpi.INQUIRY_CONVERSION,
            Kpi.SERVICE_LEVEL,
            Kpi.ABANDON_RATE);

    private static final String NO_VENDOR = "none";

    private final KpiQueries queries;
    private final MeterRegistry registry;
    private final Vertx vertx;
    private final Duration interval;
    private final boolean enabled;
    private final Map<GaugeKey, GaugeValue> gauges = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Long timer;

    KpiMetrics(
            KpiQueries queries,
            MeterRegistry registry,
            Vertx vertx,
            @ConfigProperty(name = "bpo.kpi.metrics.interval", defaultValue = "PT1M") Duration interval,
            @ConfigProperty(name = "bpo.kpi.metrics.enabled", defaultValue = "true") boolean enabled) {
        this.queries = queries;
        this.registry = registry;
        this.vertx = vertx;
        this.interval = interval;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent startup) {
        if (enabled) {
            timer = vertx.setPeriodic(
                    interval.toMillis(), id -> refresh().subscribe().with(ignored -> {}, failure -> {
                        // The next round tries again; a metrics refresh never takes the service down.
                        Log.warnf(failure, "KPI metrics refresh failed");
                    }));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        Long id = timer;
        if (id != null) {
            vertx.cancelTimer(id);
        }
    }

    /** Queries every active brand once and updates the gauges; a refresh still running makes this one a no-op. */
    Uni<Void> refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        Set<GaugeKey> seen = ConcurrentHashMap.newKeySet();
        return queries.activeBrands()
                .onItem()
                .transformToMulti(brands -> Multi.createFrom().iterable(brands))
                .onItem()
                .transformToUniAndConcatenate(brand ->
                        queries.today(brand, List.of(GroupKey.VENDOR), HEADLINE).invoke(report -> update(report, seen)))
                .collect()
                .last()
                .invoke(() -> {
                    Set<GaugeKey> gone = new HashSet<>(gauges.keySet());
                    gone.removeAll(seen);
                    gone.forEach(key -> gauges.get(key).value = Double.NaN);
                })
                .replaceWithVoid()
                .eventually(() -> refreshing.set(false));
    }

    private void update(KpiReport report, Set<GaugeKey> seen) {
        for (KpiRow row : report.rows()) {
            String vendor = row.group().get(GroupKey.VENDOR.key());
            for (Map.Entry<String, KpiValue> kpi : row.kpis().entrySet()) {
                GaugeKey key = new GaugeKey(report.brandId(), vendor == null ? NO_VENDOR : vendor, kpi.getKey());
                seen.add(key);
                gauge(key).value = kpi.getValue().value() == null
                        ? Double.NaN
                        : kpi.getValue().value().doubleValue();
            }
        }
    }

    private GaugeValue gauge(GaugeKey key) {
        return gauges.computeIfAbsent(key, k -> {
            GaugeValue value = new GaugeValue();
            Gauge.builder(TODAY, value, v -> v.value)
                    .description("Today's value of a headline KPI, per brand and vendor, in the brand's time zone")
                    .tag("brand", k.brand())
                    .tag("vendor", k.vendor())
                    .tag("kpi", k.kpi())
                    .register(registry);
            return value;
        });
    }

    private record GaugeKey(String brand, String vendor, String kpi) {}

    private static final class GaugeValue {
        volatile double value = Double.NaN;
    }
}

package com.bpo.analytics.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock that decides "today" (the KPI gauges) and whether a KPI value is final. One bean, so that tests can fix
 * the time with an alternative {@link Clock} instead of waiting for days to pass.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

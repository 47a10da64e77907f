package com.bpo.kit.tenant;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The application with a reactive pool of ONE connection, so that every transaction reuses the same connection. */
public class PoolOfOneConnection implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.reactive.max-size",
                "1",
                // Also shows that a service can switch the engagement copy off.
                "mp.messaging.incoming." + EngagementConsumer.CHANNEL + ".enabled",
                "false");
    }
}

package com.bpo.kit.pii;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes {@link PiiCipher} injectable, keyed from {@link PiiConfig}. */
@Singleton
public class PiiCipherProducer {

    @Produces
    @Singleton
    PiiCipher piiCipher(PiiConfig config) {
        boolean testRun = LaunchMode.current() == LaunchMode.TEST;
        if (testRun && config.masterKey().isEmpty()) {
            Log.warn("bpo.pii.master-key is not set: this test run encrypts PII with a random key that lives only"
                    + " as long as this process");
        }
        PiiCipher cipher = new PiiCipher(PiiKeyRing.fromConfig(config, testRun));
        Log.infof("PII encryption ready, writing key version %d", cipher.currentKeyVersion());
        return cipher;
    }

    /**
     * Refuses to start a service that uses PII with missing or malformed keys, instead of failing at the first
     * customer record. Unused beans are removed at build time and this lookup does not count as a use, so services
     * that never inject {@link PiiCipher} need no key at all (and should not be given one).
     */
    void checkKeysAtStartup(@Observes StartupEvent event) {
        // Asking the bean manager first: a direct lookup of a removed bean is reported as a programmatic lookup
        // problem.
        if (Arc.container().beanManager().getBeans(PiiCipher.class).isEmpty()) {
            return;
        }
        try (InstanceHandle<PiiCipher> cipher = Arc.container().instance(PiiCipher.class)) {
            cipher.get();
        }
    }
}

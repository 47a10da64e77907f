package com.bpo.kit.json;

import com.bpo.contracts.Rfc3339Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Gives the application's JSON mapper (REST bodies, ingestion batches) the fast path for RFC 3339 timestamps: every
 * record of a batch carries one, and reading it through {@code DateTimeFormatter} cost more than binding the rest of
 * the record. Results are those of Jackson's JavaTimeModule, which Quarkus registers before any customizer runs.
 */
@Singleton
public class TimestampJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new Rfc3339Module());
    }

    @Override
    public int priority() {
        // Below the default, so that it runs after Quarkus' own customizer, which registers JavaTimeModule.
        return MINIMUM_PRIORITY;
    }
}

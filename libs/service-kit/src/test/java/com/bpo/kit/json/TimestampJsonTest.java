package com.bpo.kit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.Rfc3339Module;
import com.bpo.testsupport.InfraTestResource;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class TimestampJsonTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void theApplicationMapperReadsTimestampsThroughTheFastPath() throws Exception {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, mapper.getInjectableValues());

        for (Class<?> type : new Class<?>[] {OffsetDateTime.class, Instant.class}) {
            JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(mapper.constructType(type));
            assertThat(deserializer.getClass().getName()).startsWith(Rfc3339Module.class.getName());
        }
    }

    @Test
    void timestampsReadAndWriteAsQuarkusConfiguresJackson() throws Exception {
        // Quarkus leaves ADJUST_DATES_TO_CONTEXT_TIME_ZONE on with the UTC context zone: offsets become UTC.
        OffsetDateTime sentAt = mapper.readValue("\"2026-06-01T16:00:00.250+08:00\"", OffsetDateTime.class);

        assertThat(sentAt).isEqualTo(OffsetDateTime.of(2026, 6, 1, 8, 0, 0, 250_000_000, ZoneOffset.UTC));
        assertThat(mapper.writeValueAsString(Instant.parse("2026-06-01T08:00:00.250Z")))
                .isEqualTo("\"2026-06-01T08:00:00.250Z\"");
    }
}

package com.bpo.kit.ingest;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** A {@link BatchReader} with a real object mapper and validator, without Quarkus. */
final class BatchReaderFixtures {

    private BatchReaderFixtures() {}

    /**
     * Unlike Quarkus's mapper, this one fails on unknown properties (Jackson's default), so the tests show that the
     * reader ignores them whatever the application configured.
     */
    static BatchReader batchReader() {
        JsonMapper objectMapper =
                JsonMapper.builder().addModule(new JavaTimeModule()).build();
        Validator validator = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        return new BatchReader(objectMapper, validator);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid chat message as JSON, about 200 bytes. */
    static String message(int n) {
        return """
                {"messageId": "m-%d", "sender": "CUSTOMER", "text": "请问粽子什么时候发货？order %d", \
                "sentAt": "2026-06-01T10:15:%02d+08:00", "attachments": []}"""
                .formatted(n, n, n % 60);
    }
}

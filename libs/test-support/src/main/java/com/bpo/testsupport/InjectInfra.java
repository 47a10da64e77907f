package com.bpo.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field that {@link InfraTestResource} fills: a {@link com.bpo.infra.ServiceDatabase} (the test module's
 * database), a {@link com.bpo.infra.KafkaEndpoint} or a {@link com.bpo.infra.PostgresEndpoint}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectInfra {}

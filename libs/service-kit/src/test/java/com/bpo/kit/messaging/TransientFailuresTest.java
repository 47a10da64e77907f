package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "57P01", "08006", "08001", "53300"})
    void failuresThatMayPassAreTransient(String sqlState) {
        assertThat(TransientFailures.isTransient(pgError(sqlState))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23502", "42P01", "22001", "42501"})
    void failuresThatNeverPassAreNotTransient(String sqlState) {
        assertThat(TransientFailures.isTransient(pgError(sqlState))).isFalse();
    }

    @Test
    void transientCauseWrappedByHibernateIsFound() {
        PersistenceException wrapped = new PersistenceException("could not execute", pgError("40P01"));

        assertThat(TransientFailures.isTransient(wrapped)).isTrue();
    }

    @Test
    void lostConnectionsAreTransient() {
        assertThat(TransientFailures.isTransient(ClosedConnectionException.INSTANCE))
                .isTrue();
        assertThat(TransientFailures.isTransient(new ConnectException("Connection refused")))
                .isTrue();
    }

    @Test
    void invalidEventIsNotTransient() {
        assertThat(TransientFailures.isTransient(
                        new UnreadableEventException("t/0@1", new IllegalArgumentException("x"))))
                .isFalse();
    }

    private static PgException pgError(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, "detail");
    }
}

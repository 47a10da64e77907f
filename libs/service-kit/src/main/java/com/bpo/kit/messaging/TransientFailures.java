package com.bpo.kit.messaging;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Tells failures that may pass on a retry (a lost connection, a deadlock) from those that never will. */
public final class TransientFailures {

    // PostgreSQL SQLSTATEs worth a retry: serialization failure, deadlock, admin/crash shutdown, cannot connect now.
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    // Classes of SQLSTATEs worth a retry: connection exceptions (08), insufficient resources (53).
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53");

    private TransientFailures() {}

    /** Whether {@code failure}, or any of its causes, is one that may pass on a retry. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable failure) {
        if (failure instanceof DatabaseException database) {
            String state = database.getSqlState();
            return state != null
                    && (TRANSIENT_SQL_STATES.contains(state)
                            || (state.length() == 5 && TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2))));
        }
        return failure instanceof ClosedConnectionException
                || failure instanceof ConnectException
                || failure instanceof TimeoutException;
    }
}

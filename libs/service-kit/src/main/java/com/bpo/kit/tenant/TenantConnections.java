package com.bpo.kit.tenant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Runs SQL on a plain reactive connection in ONE transaction whose first statement sets the tenant scope for
 * row-level security, like {@link TenantTransactions} does for Hibernate Reactive sessions.
 *
 * <p>For hot paths that write or read thousands of rows per statement (bulk {@code unnest} inserts, batch lookups),
 * where entities would cost more than the work itself. The setting is transaction-local, so nothing leaks into the
 * next use of the pooled connection.
 */
@ApplicationScoped
public class TenantConnections {

    private static final String SET_SCOPE = "select set_config('app.brand_ids', $1, true)";

    private final Pool pool;

    TenantConnections(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} with the brands of {@code scope} visible; an empty scope sees no rows and may write none. */
    public <T> Uni<T> inScope(TenantScope scope, Function<SqlConnection, Uni<T>> work) {
        String brandIds = scope.brandSetting();
        return pool.withTransaction(connection -> connection
                .preparedQuery(SET_SCOPE)
                .execute(Tuple.of(brandIds))
                .chain(ignored -> work.apply(connection)));
    }

    /** Runs {@code work} with every brand visible: platform-wide jobs and consumers of events of many brands. */
    public <T> Uni<T> forPlatform(Function<SqlConnection, Uni<T>> work) {
        return inScope(TenantScope.platform(), work);
    }
}

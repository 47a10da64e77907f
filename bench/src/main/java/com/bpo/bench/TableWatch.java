package com.bpo.bench;

import com.bpo.infra.PostgresEndpoint;
import com.bpo.infra.ServiceDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Reads how far agent-service's own tables have got, as the schema owner over JDBC.
 *
 * <p>Two ways, for two purposes. {@link #insertedRows} reads PostgreSQL's statistics counter of inserted rows: it costs
 * nothing, so it is read every second during the load, but backends report it at most about once a second and it
 * also counts rows of transactions that rolled back. {@link #count} is the exact {@code count(*)}: a full scan, so it
 * is taken only at the edges of the measured window and to confirm that the table caught up.
 */
final class TableWatch implements AutoCloseable {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private final Connection connection;

    TableWatch(PostgresEndpoint postgres, ServiceDatabase database) {
        try {
            this.connection = postgres.connect(database.name(), database.owner());
            try (Statement sql = connection.createStatement()) {
                // Row-level security binds the owner too; the watch reads every brand. One core for the scans, the
                // other stays with the service.
                sql.execute("select set_config('app.brand_ids', '*', false)");
                sql.execute("set max_parallel_workers_per_gather = 0");
            }
        } catch (SQLException e) {
            throw new BenchmarkException("cannot connect to database " + database.name() + " as its owner", e);
        }
    }

    /** Rows inserted into {@code table} according to the statistics collector (cheap, may trail by a second). */
    long insertedRows(String table) {
        try (PreparedStatement query =
                connection.prepareStatement("select n_tup_ins from pg_stat_user_tables where relname = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new BenchmarkException("cannot read the statistics of table " + table, e);
        }
    }

    /** The exact number of rows in {@code table}. */
    long count(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new BenchmarkException("cannot count the rows of table " + table, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was written over this connection; closing it cannot lose anything.
        }
    }
}

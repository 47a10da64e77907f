package com.bpo.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL on the current {@link InfraTestResource} database as its owner role with every brand visible, for putting rows
 * into a given state and reading what a service stored, whatever the caller of a test may see. Each call is one
 * transaction that sets the kit's row-level security scope {@code app.brand_ids} to {@code *}, as the service itself
 * does for platform work. Parameters are bound with {@code setObject}, {@code byte[]} as bytes.
 */
public final class SchemaOwner {

    /** Work on one open owner transaction; it commits when the work returns. */
    public interface Work {
        void run(Connection owner) throws SQLException;
    }

    private SchemaOwner() {}

    /** Runs one statement (insert, update, delete, DDL). */
    public static void execute(String sql, Object... parameters) {
        inTransaction(owner -> {
            try (PreparedStatement statement = prepare(owner, sql, parameters)) {
                statement.executeUpdate();
            }
        });
    }

    /** The rows of a query, each mapping column labels to values as the JDBC driver reads them. */
    public static List<Map<String, Object>> rows(String sql, Object... parameters) {
        List<Map<String, Object>> rows = new ArrayList<>();
        inTransaction(owner -> {
            try (PreparedStatement statement = prepare(owner, sql, parameters);
                    ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        row.put(columns.getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
        });
        return rows;
    }

    /** Whether the query finds a row. */
    public static boolean exists(String sql, Object... parameters) {
        return !rows(sql, parameters).isEmpty();
    }

    /** Runs several statements in one transaction: all of them commit, or none when one fails. */
    public static void inTransaction(Work work) {
        var database = InfraTestResource.database();
        try (Connection owner = InfraTestResource.postgres().connect(database.name(), database.owner())) {
            owner.setAutoCommit(false);
            try (PreparedStatement scope = owner.prepareStatement("select set_config('app.brand_ids', '*', true)")) {
                scope.execute();
            }
            try {
                work.run(owner);
                owner.commit();
            } catch (SQLException | RuntimeException e) {
                owner.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL as the schema owner failed: " + e.getMessage(), e);
        }
    }

    /** Prepares {@code sql} on an owner transaction of {@link #inTransaction} with its parameters bound. */
    public static PreparedStatement prepare(Connection owner, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = owner.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }
}

package com.bpo.infra;

/**
 * One service's database and its two roles.
 *
 * @param name the database name, also the prefix of its roles
 * @param jdbcUrl {@code jdbc:postgresql://127.0.0.1:<port>/<name>}
 * @param reactiveUrl {@code postgresql://127.0.0.1:<port>/<name>} for the Vert.x reactive client
 * @param owner {@code <name>_owner}: owns the database and schema {@code public}; runs the migrations
 * @param app {@code <name>_app}: what the service connects as; owns nothing and cannot bypass row-level security
 */
public record ServiceDatabase(
        String name, String jdbcUrl, String reactiveUrl, DbCredentials owner, DbCredentials app) {}

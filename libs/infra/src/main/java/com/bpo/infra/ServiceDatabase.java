package com.bpo.infra;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One service's database and its two roles.
 *
 * @param name the database name, also the prefix of its roles
 * @param jdbcUrl {@code jdbc:postgresql://127.0.0.1:<port>/<name>}
 * @param reactiveUrl {@code postgresql://127.0.0.1:<port>/<name>} for the Vert.x reactive client
 * @param owner {@code <name>_owner}: owns the database and schema {@code public}; runs the migrations
 * @param app {@code <name>_app}: what the service connects as; owns nothing and cannot bypass row-level security
 */
public record ServiceDatabase(String name, String jdbcUrl, String reactiveUrl, DbCredentials owner, DbCredentials app) {

    /**
     * The environment variables a service's production profile reads its database from, by the platform's naming
     * convention {@code BPO_<SERVICE>_DB_*}: e.g. {@code BPO_AGENT_DB_URL} for service {@code agent}.
     *
     * @param service the service's short name, e.g. {@code agent}
     */
    public Map<String, String> environment(String service) {
        String prefix = "BPO_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_DB_";
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(prefix + "URL", reactiveUrl);
        variables.put(prefix + "USER", app.username());
        variables.put(prefix + "PASSWORD", app.password());
        variables.put(prefix + "JDBC_URL", jdbcUrl);
        variables.put(prefix + "OWNER", owner.username());
        variables.put(prefix + "OWNER_PASSWORD", owner.password());
        return variables;
    }
}

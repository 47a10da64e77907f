package com.bpo.infra;

import java.time.Duration;
import java.util.Locale;

/** The kinds of server that libs/infra runs, each in its own server daemon. */
public enum ServerKind {
    KAFKA(Duration.ofSeconds(120)),
    POSTGRES(Duration.ofSeconds(90)),
    // The first start unzips the distribution and runs `kc.sh build` before the server itself starts.
    KEYCLOAK(Duration.ofSeconds(420));

    private final Duration startTimeout;

    ServerKind(Duration startTimeout) {
        this.startTimeout = startTimeout;
    }

    /** Lower-case name used in file names and on the command line: {@code kafka}, {@code postgres}, {@code keycloak}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How long a daemon of this kind may take from spawn to a server that answers. */
    public Duration startTimeout() {
        return startTimeout;
    }

    public static ServerKind fromId(String id) {
        for (ServerKind kind : values()) {
            if (kind.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown server kind '" + id + "' (expected kafka, postgres or keycloak)");
    }
}

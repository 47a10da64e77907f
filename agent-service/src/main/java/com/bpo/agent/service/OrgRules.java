package com.bpo.agent.service;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.error.ProblemTypes;
import com.bpo.kit.tenant.TenantScope;
import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Checks shared by the organisation services. */
final class OrgRules {

    static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String UNIQUE_VIOLATION = "23505";

    private OrgRules() {}

    /** The zone named {@code zoneId}, {@code fallback} when absent, or a 400 naming {@code field}. */
    static ZoneId zone(String zoneId, ZoneId fallback, String field) {
        if (zoneId == null) {
            return fallback;
        }
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(
                    "Unknown time zone", new FieldError(field, "must be an IANA time-zone id", zoneId));
        }
    }

    /** A 409 when the client read an older version than the stored one. */
    static void requireVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw ProblemException.conflict("The record was changed since version " + expected + "; it is now at "
                    + actual + ": read it again");
        }
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail, List.of());
    }

    /**
     * Whether the vendor-side records of {@code vendorId} (the vendor, its teams and agents) are visible. Those
     * records have no brand, so row-level security cannot guard them: platform administrators see every vendor,
     * vendor principals only their own (the scope's vendor).
     */
    static boolean vendorVisible(TenantScope scope, String vendorId) {
        return scope.allBrands()
                || (scope.vendorId() != null && scope.vendorId().equals(vendorId));
    }

    /**
     * Whether a write failed on a unique key. Ids are global while row-level security hides other brands' rows, so
     * an id taken by another brand, or a concurrent duplicate, is only seen when the row is written.
     */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Hibernate Reactive reports the driver's error as an SQLException carrying the SQL state.
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    static ProblemException taken(String what) {
        return ProblemException.conflict(what + " is taken, or the record was changed at the same time");
    }
}

package com.bpo.agent.service;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import java.util.UUID;

/**
 * Ids of organisation aggregates: readable, chosen by the client ({@code brand-zongzi}, {@code agent-starcall-1}),
 * or generated when a client leaves them out where that is allowed. Brand and vendor ids must be given: they are the
 * {@code brand_id} and {@code vendor_id} claims of the identity provider's users.
 */
public final class OrgIds {

    /** Lower-case letters, digits and dashes, 2 to 63 characters, starting with a letter or digit. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";

    public static final String PATTERN_MESSAGE = "must be 2-63 lower-case letters, digits or dashes";

    private OrgIds() {}

    /** The given id, or a 400 naming {@code field} when it is missing. */
    public static String required(String id, String field) {
        if (id == null) {
            throw ProblemException.invalid(field + " is required", FieldError.of(field, "must not be null"));
        }
        return id;
    }

    /** The given id, or a new one {@code <prefix>-<12 hex digits>}. */
    public static String orGenerate(String id, String prefix) {
        return id != null
                ? id
                : prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A 400 naming {@code field} when a body's id differs from the id in the path. */
    public static void requireSameOrAbsent(String bodyId, String pathId, String field) {
        if (bodyId != null && !bodyId.equals(pathId)) {
            throw ProblemException.invalid(
                    field + " differs from the id in the path", FieldError.of(field, "must equal the id in the path"));
        }
    }
}

package com.bpo.kit.tenant;

import java.util.Set;

/**
 * The realm roles of the {@code bpo} Keycloak realm, as constants usable in {@code @RolesAllowed}.
 *
 * <p>Which tenant a role gives access to is decided by {@link ScopeRule}, not by the role alone: brand-side
 * roles need a {@code brand_id} claim, vendor-side roles a {@code vendor_id} claim.
 */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String BRAND_ADMIN = "brand-admin";
    public static final String BRAND_ANALYST = "brand-analyst";
    public static final String BRAND_AUDITOR = "brand-auditor";
    public static final String VENDOR_ADMIN = "vendor-admin";
    public static final String VENDOR_SUPERVISOR = "vendor-supervisor";
    public static final String QA_REVIEWER = "qa-reviewer";
    public static final String AGENT = "agent";
    /** A brand's own system calling with a client-credentials token. */
    public static final String INTEGRATION = "integration";

    /** Roles that act for one brand, named by the token's {@code brand_id} claim. */
    public static final Set<String> BRAND_SIDE = Set.of(BRAND_ADMIN, BRAND_ANALYST, BRAND_AUDITOR, INTEGRATION);

    /** Roles that act for one vendor, named by the token's {@code vendor_id} claim. */
    public static final Set<String> VENDOR_SIDE = Set.of(VENDOR_ADMIN, VENDOR_SUPERVISOR, AGENT);

    /**
     * QA reviewers work for a brand (checking vendor QA) or for a vendor; their side follows the tenant claim
     * their token carries.
     */
    public static final Set<String> EITHER_SIDE = Set.of(QA_REVIEWER);

    public static final Set<String> ALL = Set.of(
            PLATFORM_ADMIN,
            BRAND_ADMIN,
            BRAND_ANALYST,
            BRAND_AUDITOR,
            VENDOR_ADMIN,
            VENDOR_SUPERVISOR,
            QA_REVIEWER,
            AGENT,
            INTEGRATION);

    private Roles() {}
}

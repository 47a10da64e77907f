package com.bpo.kit.tenant;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The visibility rule, in one place: a principal sees brand B's data only if it belongs to B, or its vendor has
 * an active engagement with B (agents: only their own work), or it is a platform admin.
 *
 * <p>Decisions where a token is odd, all failing closed (an empty scope, so the caller sees nothing):
 *
 * <ul>
 *   <li>{@code platform-admin} sees every brand whatever else the token says.
 *   <li>A token with both {@code brand_id} and {@code vendor_id} is ambiguous (a mapper mistake in the identity
 *       provider): it sees nothing rather than the union of both sides.
 *   <li>A tenant claim only counts with a role of its side: {@code brand_id} with a brand-side role
 *       ({@link Roles#BRAND_SIDE}), {@code vendor_id} with a vendor-side role ({@link Roles#VENDOR_SIDE});
 *       {@code qa-reviewer} takes the side of its claim.
 *   <li>Roles add up: a principal that is an agent and also a supervisor or admin of its vendor sees the vendor's
 *       share, not only its own work. An agent with no other vendor-side role is restricted to its
 *       {@code agent_id}, and without that claim sees nothing.
 *   <li>A claim that cannot be a brand id (blank, containing {@code ,} or {@code *}) is treated as absent.
 * </ul>
 */
public final class ScopeRule {

    private static final Set<String> BRAND_ROLES = union(Roles.BRAND_SIDE, Roles.EITHER_SIDE);
    private static final Set<String> VENDOR_ROLES = union(Roles.VENDOR_SIDE, Roles.EITHER_SIDE);
    private static final Set<String> VENDOR_WIDE_ROLES =
            Set.of(Roles.VENDOR_ADMIN, Roles.VENDOR_SUPERVISOR, Roles.QA_REVIEWER);

    private enum Side {
        PLATFORM,
        BRAND,
        VENDOR,
        AGENT,
        NONE
    }

    private ScopeRule() {}

    /**
     * Whether {@link #resolve} needs the brands the principal's vendor serves; only then is the engagement copy
     * worth reading.
     */
    public static boolean needsEngagements(Principal principal) {
        Side side = sideOf(principal);
        return side == Side.VENDOR || side == Side.AGENT;
    }

    /**
     * The scope of {@code principal}.
     *
     * @param brandsServedByVendor the brands with an active engagement of the principal's vendor now; ignored
     *     unless {@link #needsEngagements} is true
     */
    public static TenantScope resolve(Principal principal, Set<String> brandsServedByVendor) {
        return switch (sideOf(principal)) {
            case PLATFORM -> TenantScope.platform();
            case BRAND -> TenantScope.brand(principal.brandId());
            case VENDOR -> new TenantScope(false, validBrands(brandsServedByVendor), principal.vendorId(), null);
            case AGENT ->
                new TenantScope(false, validBrands(brandsServedByVendor), principal.vendorId(), principal.agentId());
            case NONE -> TenantScope.none();
        };
    }

    private static Side sideOf(Principal principal) {
        if (principal.hasRole(Roles.PLATFORM_ADMIN)) {
            return Side.PLATFORM;
        }
        String brandId = principal.brandId();
        String vendorId = principal.vendorId();
        if (brandId != null && vendorId != null) {
            return Side.NONE;
        }
        if (brandId != null) {
            return TenantScope.isValidBrandId(brandId) && principal.hasAnyRole(BRAND_ROLES) ? Side.BRAND : Side.NONE;
        }
        if (vendorId != null && principal.hasAnyRole(VENDOR_ROLES)) {
            if (principal.hasAnyRole(VENDOR_WIDE_ROLES)) {
                return Side.VENDOR;
            }
            return principal.agentId() != null ? Side.AGENT : Side.NONE;
        }
        return Side.NONE;
    }

    private static Set<String> validBrands(Set<String> brands) {
        if (brands == null) {
            return Set.of();
        }
        return brands.stream().filter(TenantScope::isValidBrandId).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}

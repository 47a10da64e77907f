package com.bpo.kit.tenant;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The brands a principal may see, and the narrowing inside them.
 *
 * <p>{@link #allowsBrand} is the check for a brand's own data (its shops, its KPIs); {@link #allows} is the check
 * for work attributed to a vendor and an agent (conversations, calls, tickets): a vendor principal sees only its
 * vendor's share, an agent only its own.
 *
 * @param allBrands every brand (platform admins only)
 * @param brandIds the visible brands when not {@code allBrands}
 * @param vendorId when set, only records of this vendor are visible
 * @param agentId when set, only records handled by this agent are visible
 */
public record TenantScope(boolean allBrands, Set<String> brandIds, String vendorId, String agentId) {

    private static final TenantScope NONE = new TenantScope(false, Set.of(), null, null);
    private static final TenantScope PLATFORM = new TenantScope(true, Set.of(), null, null);

    public TenantScope {
        brandIds = Set.copyOf(Objects.requireNonNull(brandIds, "brandIds"));
        for (String brandId : brandIds) {
            if (!isValidBrandId(brandId)) {
                throw new IllegalArgumentException("Not a valid brand id: '" + brandId + "'");
            }
        }
        if (allBrands && (!brandIds.isEmpty() || vendorId != null || agentId != null)) {
            throw new IllegalArgumentException("A platform-wide scope carries no brands, vendor or agent");
        }
    }

    /** Sees nothing: the scope of a caller whose token does not name a tenant it may act for. */
    public static TenantScope none() {
        return NONE;
    }

    /** Sees every brand: platform administration and platform jobs. */
    public static TenantScope platform() {
        return PLATFORM;
    }

    /** Sees exactly one brand, unrestricted inside it: a brand principal, or work done for an event of that brand. */
    public static TenantScope brand(String brandId) {
        return new TenantScope(false, Set.of(brandId), null, null);
    }

    /**
     * Whether a brand id can be carried in the row-level security setting: the setting is a comma-separated list
     * where {@code *} means every brand, so neither may appear in an id.
     */
    public static boolean isValidBrandId(String brandId) {
        return brandId != null
                && !brandId.isBlank()
                && brandId.strip().equals(brandId)
                && brandId.indexOf(',') < 0
                && brandId.indexOf('*') < 0;
    }

    /** True when no brand is visible. */
    public boolean isEmpty() {
        return !allBrands && brandIds.isEmpty();
    }

    /** Whether the brand's own data (not attributed to a vendor or agent) is visible. */
    public boolean allowsBrand(String brandId) {
        return brandId != null && (allBrands || brandIds.contains(brandId));
    }

    /**
     * Whether a record of {@code brandId}, handled by {@code recordVendorId} and {@code recordAgentId}, is visible.
     * A vendor- or agent-restricted scope never sees a record without that attribution.
     */
    public boolean allows(String brandId, String recordVendorId, String recordAgentId) {
        return allowsBrand(brandId)
                && (vendorId == null || vendorId.equals(recordVendorId))
                && (agentId == null || agentId.equals(recordAgentId));
    }

    /**
     * The brand a request about a brand-scoped id (a conversation, a customer) is for. Such ids are unique only within
     * a brand, so a caller whose scope covers several brands must name one.
     *
     * @param requested the {@code brandId} the caller named, or {@code null}
     * @return the brand to use, or {@code null} when the named brand is outside the scope (answer 404)
     * @throws ProblemException 400 naming {@code brandId} when none was named and the scope has not exactly one brand
     */
    public String selectBrand(String requested) {
        if (requested != null && !requested.isBlank()) {
            return allowsBrand(requested) ? requested : null;
        }
        if (!allBrands && brandIds.size() == 1) {
            return brandIds.iterator().next();
        }
        throw ProblemException.invalid(
                "Name the brand: your access covers " + (allBrands ? "every brand" : "several brands"),
                FieldError.of("brandId", "required when access covers several brands"));
    }

    /**
     * The value for PostgreSQL's {@code app.brand_ids} setting: {@code *} for every brand, else the brand ids
     * sorted and comma-separated; empty for no brand (row-level security then shows no rows).
     */
    public String brandSetting() {
        return allBrands ? "*" : String.join(",", new TreeSet<>(brandIds));
    }
}

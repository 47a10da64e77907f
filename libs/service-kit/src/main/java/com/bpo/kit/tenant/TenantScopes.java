package com.bpo.kit.tenant;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.function.Function;

/**
 * The tenant scope of the current request, resolved once per request by {@link ScopeRule} from the caller's
 * {@link Principal} and, for vendor principals, the engagement copy.
 *
 * <p>This is the one scope check of a service: an id outside the scope is answered as "not found" (a {@code null}
 * item the resource turns into 404), never as "forbidden", so a caller cannot probe another tenant's ids.
 */
@RequestScoped
public class TenantScopes {

    private final CurrentPrincipal currentPrincipal;
    private final EngagementDirectory engagements;
    private Uni<TenantScope> scope;

    TenantScopes(CurrentPrincipal currentPrincipal, EngagementDirectory engagements) {
        this.currentPrincipal = currentPrincipal;
        this.engagements = engagements;
    }

    public Principal principal() {
        return currentPrincipal.get();
    }

    /**
     * The caller's scope. Engagements are read at the first call of a request, so deactivating an engagement takes
     * effect from the next request on.
     */
    public Uni<TenantScope> current() {
        if (scope == null) {
            Principal principal = currentPrincipal.get();
            Uni<Set<String>> served = ScopeRule.needsEngagements(principal)
                    ? engagements.brandsServedBy(principal.vendorId())
                    : Uni.createFrom().item(Set.of());
            scope = served.map(brands -> ScopeRule.resolve(principal, brands))
                    .memoize()
                    .indefinitely();
        }
        return scope;
    }

    /**
     * Runs {@code work} with the caller's scope if {@code brandId} is visible in it.
     *
     * @return the work's item, or a {@code null} item without running the work when the brand is not visible
     */
    public <T> Uni<T> ifBrandVisible(String brandId, Function<TenantScope, Uni<T>> work) {
        return current()
                .chain(scope -> scope.allowsBrand(brandId)
                        ? work.apply(scope)
                        : Uni.createFrom().nullItem());
    }
}

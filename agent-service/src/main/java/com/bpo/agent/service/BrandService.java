package com.bpo.agent.service;

import com.bpo.agent.domain.Brand;
import com.bpo.agent.messaging.OrgEvents;
import com.bpo.agent.repository.BrandRepository;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.tenant.TenantScopes;
import com.bpo.kit.tenant.TenantTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** Brands: created by platform administrators, read by whoever has the brand in scope. */
@ApplicationScoped
public class BrandService {

    private final BrandRepository brands;
    private final TenantScopes scopes;
    private final OrgEvents events;

    BrandService(BrandRepository brands, TenantScopes scopes, OrgEvents events) {
        this.brands = brands;
        this.scopes = scopes;
        this.events = events;
    }

    @TenantTransaction
    public Uni<BrandView> create(BrandRequest request) {
        String id = OrgIds.required(request.brandId(), "brandId");
        ZoneId zone = OrgRules.zone(request.timeZone(), OrgRules.DEFAULT_TIME_ZONE, "timeZone");
        return brands.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ProblemException.conflict("Brand " + id + " exists already"));
            }
            Brand brand = Brand.create(id, request.name(), zone);
            if (Boolean.FALSE.equals(request.active())) {
                brand.active = false;
            }
            return brands.persistAndFlush(brand)
                    .onFailure(OrgRules::isUniqueViolation)
                    .transform(failure -> OrgRules.taken("The brand id"))
                    .call(events::brandChanged)
                    .map(BrandView::of);
        });
    }

    /** The brands in the caller's scope. */
    @TenantTransaction
    public Uni<List<BrandView>> list() {
        return scopes.current().chain(scope -> brands.listAll(Sort.by("id")).map(all -> all.stream()
                .filter(brand -> scope.allowsBrand(brand.id))
                .map(BrandView::of)
                .toList()));
    }

    /** The brand, or null when it does not exist or is outside the caller's scope. */
    @TenantTransaction
    public Uni<BrandView> find(String id) {
        return visible(id).map(brand -> brand == null ? null : BrandView.of(brand));
    }

    /**
     * Replaces the brand; null when it does not exist or is outside the caller's scope. A brand administrator may
     * only rename its own brand: its time zone defines the brand's KPIs and deactivation is the platform's decision.
     */
    @TenantTransaction
    public Uni<BrandView> replace(String id, BrandRequest request, boolean platformAdmin) {
        OrgIds.requireSameOrAbsent(request.brandId(), id, "brandId");
        return visible(id).chain(brand -> {
            if (brand == null) {
                return Uni.createFrom().nullItem();
            }
            OrgRules.requireVersion(request.version(), brand.version);
            ZoneId zone = OrgRules.zone(request.timeZone(), ZoneId.of(brand.timeZone), "timeZone");
            boolean active = request.active() == null ? brand.active : request.active();
            if (!platformAdmin && (!zone.getId().equals(brand.timeZone) || active != brand.active)) {
                throw OrgRules.forbidden("A brand administrator may change only the brand's name");
            }
            if (Objects.equals(brand.name, request.name())
                    && zone.getId().equals(brand.timeZone)
                    && active == brand.active) {
                return Uni.createFrom().item(BrandView.of(brand));
            }
            brand.name = request.name();
            brand.timeZone = zone.getId();
            brand.active = active;
            return brands.flush().chain(() -> events.brandChanged(brand)).map(ignored -> BrandView.of(brand));
        });
    }

    private Uni<Brand> visible(String id) {
        return scopes.current()
                .chain(scope -> scope.allowsBrand(id)
                        ? brands.findById(id)
                        : Uni.createFrom().nullItem());
    }
}

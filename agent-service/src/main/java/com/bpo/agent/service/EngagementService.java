package com.bpo.agent.service;

import com.bpo.agent.domain.Engagement;
import com.bpo.agent.domain.ServiceHours;
import com.bpo.agent.messaging.OrgEvents;
import com.bpo.agent.repository.BrandRepository;
import com.bpo.agent.repository.EngagementRepository;
import com.bpo.agent.repository.ShopRepository;
import com.bpo.agent.repository.VendorRepository;
import com.bpo.contracts.org.KpiVariants;
import com.bpo.contracts.org.ServiceWindow;
import com.bpo.contracts.org.SlaTargets;
import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.tenant.TenantScope;
import com.bpo.kit.tenant.TenantScopes;
import com.bpo.kit.tenant.TenantTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;

/**
 * Engagements between a brand and a vendor. Brand principals see their brand's, vendor principals their own with
 * the brands they serve now; at most one engagement per brand and vendor is active. Deactivation is final: serving
 * the brand again takes a new engagement, so the history of each contract's terms stays as it was.
 */
@ApplicationScoped
public class EngagementService {

    private final EngagementRepository engagements;
    private final BrandRepository brands;
    private final VendorRepository vendors;
    private final ShopRepository shops;
    private final TenantScopes scopes;
    private final OrgEvents events;

    EngagementService(
            EngagementRepository engagements,
            BrandRepository brands,
            VendorRepository vendors,
            ShopRepository shops,
            TenantScopes scopes,
            OrgEvents events) {
        this.engagements = engagements;
        this.brands = brands;
        this.vendors = vendors;
        this.shops = shops;
        this.scopes = scopes;
        this.events = events;
    }

    @TenantTransaction
    public Uni<EngagementView> create(EngagementRequest request) {
        String id = OrgIds.orGenerate(request.engagementId(), "engagement");
        return engagements
                .findById(id)
                .chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("Engagement " + id + " exists already");
                    }
                    return engagements.count(
                            "brandId = ?1 and vendorId = ?2 and active = true", request.brandId(), request.vendorId());
                })
                .chain(activeOnes -> {
                    if (activeOnes > 0) {
                        throw ProblemException.conflict(
                                "The vendor has an active engagement with this brand already; deactivate it first");
                    }
                    Engagement engagement = new Engagement();
                    engagement.id = id;
                    engagement.brandId = request.brandId();
                    engagement.vendorId = request.vendorId();
                    engagement.active = true;
                    return checkAndApply(engagement, request)
                            .chain(() -> engagements
                                    .persistAndFlush(engagement)
                                    .onFailure(OrgRules::isUniqueViolation)
                                    .transform(failure ->
                                            OrgRules.taken("The engagement id or the brand and vendor pair")))
                            .call(events::engagementChanged)
                            .map(EngagementView::of);
                });
    }

    /** The engagements in the caller's scope. */
    @TenantTransaction
    public Uni<List<EngagementView>> list() {
        return scopes.current()
                .chain(scope -> engagements.listAll(Sort.by("id")).map(all -> all.stream()
                        .filter(engagement -> visibleTo(scope, engagement))
                        .map(EngagementView::of)
                        .toList()));
    }

    @TenantTransaction
    public Uni<EngagementView> find(String id) {
        return visible(id).map(engagement -> engagement == null ? null : EngagementView.of(engagement));
    }

    @TenantTransaction
    public Uni<EngagementView> replace(String id, EngagementRequest request) {
        OrgIds.requireSameOrAbsent(request.engagementId(), id, "engagementId");
        return visible(id).chain(engagement -> {
            if (engagement == null) {
                return Uni.createFrom().nullItem();
            }
            OrgRules.requireVersion(request.version(), engagement.version);
            if (!engagement.brandId.equals(request.brandId())) {
                throw ProblemException.invalid(
                        "An engagement keeps its brand",
                        new FieldError("brandId", "must be the engagement's brand", request.brandId()));
            }
            if (!engagement.vendorId.equals(request.vendorId())) {
                throw ProblemException.invalid(
                        "An engagement keeps its vendor",
                        new FieldError("vendorId", "must be the engagement's vendor", request.vendorId()));
            }
            return checkAndApply(engagement, request)
                    .chain(() -> engagements.flush())
                    .chain(() -> events.engagementChanged(engagement))
                    .map(ignored -> EngagementView.of(engagement));
        });
    }

    /**
     * Ends the engagement. The kit's engagement copy is updated in the same transaction, so the vendor loses access
     * to the brand from the next request on.
     */
    @TenantTransaction
    public Uni<EngagementView> deactivate(String id) {
        return visible(id).chain(engagement -> {
            if (engagement == null) {
                return Uni.createFrom().nullItem();
            }
            if (!engagement.active) {
                return Uni.createFrom().item(EngagementView.of(engagement));
            }
            engagement.active = false;
            return engagements
                    .flush()
                    .chain(() -> events.engagementChanged(engagement))
                    .map(ignored -> EngagementView.of(engagement));
        });
    }

    private Uni<Engagement> visible(String id) {
        return scopes.current().chain(scope -> engagements
                .findById(id)
                .map(engagement -> engagement != null && visibleTo(scope, engagement) ? engagement : null));
    }

    private static boolean visibleTo(TenantScope scope, Engagement engagement) {
        return scope.allowsBrand(engagement.brandId)
                && (scope.vendorId() == null || scope.vendorId().equals(engagement.vendorId));
    }

    /** Brand and vendor exist and are active, the shops are the brand's, the validity is a forward range. */
    private Uni<Void> checkAndApply(Engagement engagement, EngagementRequest request) {
        if (request.validFrom() != null
                && request.validTo() != null
                && !request.validTo().isAfter(request.validFrom())) {
            throw ProblemException.invalid(
                    "The engagement must end after it starts",
                    new FieldError("validTo", "must be after validFrom", request.validTo()));
        }
        List<String> shopIds = request.shopIds() == null
                ? List.of()
                : request.shopIds().stream().distinct().toList();
        return brands.findById(request.brandId())
                .chain(brand -> {
                    if (brand == null || !brand.active) {
                        throw ProblemException.businessRule(
                                "The brand does not exist or is not active",
                                new FieldError("brandId", "must be an active brand", request.brandId()));
                    }
                    engagement.timeZone = OrgRules.zone(request.timeZone(), ZoneId.of(brand.timeZone), "timeZone")
                            .getId();
                    return vendors.findById(request.vendorId());
                })
                .chain(vendor -> {
                    if (vendor == null || !vendor.active) {
                        throw ProblemException.businessRule(
                                "The vendor does not exist or is not active",
                                new FieldError("vendorId", "must be an active vendor", request.vendorId()));
                    }
                    return shopIds.isEmpty()
                            ? Uni.createFrom().item(0L)
                            : shops.count("brandId = ?1 and id in ?2", request.brandId(), shopIds);
                })
                .map(brandShops -> {
                    if (brandShops != shopIds.size()) {
                        throw ProblemException.businessRule(
                                "Every shop must be a shop of the brand",
                                new FieldError("shopIds", "must be shops of the brand", String.join(",", shopIds)));
                    }
                    engagement.shopIds = shopIds.toArray(String[]::new);
                    engagement.channels = request.channels().stream()
                            .distinct()
                            .map(Enum::name)
                            .toArray(String[]::new);
                    engagement.roles =
                            request.roles().stream().distinct().map(Enum::name).toArray(String[]::new);
                    engagement.serviceHours = new ServiceHours(
                            request.serviceHours() == null
                                    ? List.of()
                                    : request.serviceHours().stream()
                                            .map(w -> new ServiceWindow(
                                                    w.days().stream().distinct().toList(), w.opensAt(), w.closesAt()))
                                            .toList());
                    engagement.slaTargets = slaTargets(request.slaTargets());
                    engagement.setKpiVariants(kpiVariants(request.kpiVariants()));
                    engagement.validFrom = request.validFrom();
                    engagement.validTo = request.validTo();
                    return null;
                });
    }

    private static SlaTargets slaTargets(EngagementRequest.SlaTargetsRequest targets) {
        return targets == null
                ? SlaTargets.NONE
                : new SlaTargets(
                        targets.firstResponseSeconds(),
                        targets.averageResponseSeconds(),
                        targets.responseRate(),
                        targets.withinThresholdRate(),
                        targets.serviceLevel(),
                        targets.abandonRate(),
                        targets.complaintResolutionMinutes(),
                        targets.callbackCompletionRate());
    }

    private static KpiVariants kpiVariants(EngagementRequest.KpiVariantsRequest variants) {
        return variants == null
                ? KpiVariants.DEFAULTS
                : new KpiVariants(
                        variants.responseThresholdSeconds(),
                        variants.conversionWindowDays(),
                        variants.attribution(),
                        variants.serviceLevelSeconds(),
                        variants.abandonShortSeconds());
    }
}

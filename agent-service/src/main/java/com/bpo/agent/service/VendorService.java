package com.bpo.agent.service;

import com.bpo.agent.domain.Vendor;
import com.bpo.agent.messaging.OrgEvents;
import com.bpo.agent.repository.EngagementRepository;
import com.bpo.agent.repository.VendorRepository;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.tenant.TenantScope;
import com.bpo.kit.tenant.TenantScopes;
import com.bpo.kit.tenant.TenantTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Vendors. Platform administrators see every vendor, vendor principals their own, brand principals the vendors
 * that serve their brand under an active engagement.
 */
@ApplicationScoped
public class VendorService {

    private final VendorRepository vendors;
    private final EngagementRepository engagements;
    private final TenantScopes scopes;
    private final OrgEvents events;

    VendorService(VendorRepository vendors, EngagementRepository engagements, TenantScopes scopes, OrgEvents events) {
        this.vendors = vendors;
        this.engagements = engagements;
        this.scopes = scopes;
        this.events = events;
    }

    @TenantTransaction
    public Uni<VendorView> create(VendorRequest request) {
        String id = OrgIds.required(request.vendorId(), "vendorId");
        return vendors.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ProblemException.conflict("Vendor " + id + " exists already"));
            }
            Vendor vendor = new Vendor();
            vendor.id = id;
            vendor.name = request.name();
            vendor.active = request.active() == null || request.active();
            return vendors.persistAndFlush(vendor)
                    .onFailure(OrgRules::isUniqueViolation)
                    .transform(failure -> OrgRules.taken("The vendor id"))
                    .call(events::vendorChanged)
                    .map(VendorView::of);
        });
    }

    @TenantTransaction
    public Uni<List<VendorView>> list() {
        return scopes.current().chain(scope -> visibleVendorIds(scope)
                .chain(ids -> vendors.listAll(Sort.by("id")).map(all -> all.stream()
                        .filter(vendor -> ids == null || ids.contains(vendor.id))
                        .map(VendorView::of)
                        .toList())));
    }

    @TenantTransaction
    public Uni<VendorView> find(String id) {
        return visible(id).map(vendor -> vendor == null ? null : VendorView.of(vendor));
    }

    @TenantTransaction
    public Uni<VendorView> replace(String id, VendorRequest request) {
        OrgIds.requireSameOrAbsent(request.vendorId(), id, "vendorId");
        return visible(id).chain(vendor -> {
            if (vendor == null) {
                return Uni.createFrom().nullItem();
            }
            OrgRules.requireVersion(request.version(), vendor.version);
            vendor.name = request.name();
            if (request.active() != null) {
                vendor.active = request.active();
            }
            return vendors.flush().chain(() -> events.vendorChanged(vendor)).map(ignored -> VendorView.of(vendor));
        });
    }

    private Uni<Vendor> visible(String id) {
        return scopes.current().chain(scope -> visibleVendorIds(scope)
                .chain(ids -> ids == null || ids.contains(id)
                        ? vendors.findById(id)
                        : Uni.createFrom().nullItem()));
    }

    /** The vendor ids the scope may see; null for every vendor. */
    private Uni<Set<String>> visibleVendorIds(TenantScope scope) {
        if (scope.allBrands()) {
            return Uni.createFrom().nullItem();
        }
        if (scope.vendorId() != null) {
            return Uni.createFrom().item(Set.of(scope.vendorId()));
        }
        if (scope.brandIds().isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        // The same validity window as the kit's engagement copy: an engagement outside it serves no one.
        return engagements
                .list(
                        "active = true and brandId in ?1 and (validFrom is null or validFrom <= ?2)"
                                + " and (validTo is null or validTo > ?2)",
                        List.copyOf(scope.brandIds()),
                        Instant.now())
                .map(found ->
                        found.stream().map(engagement -> engagement.vendorId).collect(Collectors.toSet()));
    }
}

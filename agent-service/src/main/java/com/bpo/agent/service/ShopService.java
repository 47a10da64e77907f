package com.bpo.agent.service;

import com.bpo.agent.domain.Shop;
import com.bpo.agent.messaging.OrgEvents;
import com.bpo.agent.repository.BrandRepository;
import com.bpo.agent.repository.ShopRepository;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.tenant.TenantScopes;
import com.bpo.kit.tenant.TenantTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A brand's shops. Every method answers null when the brand or shop is outside the caller's scope. */
@ApplicationScoped
public class ShopService {

    private final ShopRepository shops;
    private final BrandRepository brands;
    private final TenantScopes scopes;
    private final OrgEvents events;

    ShopService(ShopRepository shops, BrandRepository brands, TenantScopes scopes, OrgEvents events) {
        this.shops = shops;
        this.brands = brands;
        this.scopes = scopes;
        this.events = events;
    }

    @TenantTransaction
    public Uni<ShopView> create(String brandId, ShopRequest request) {
        String id = OrgIds.orGenerate(request.shopId(), "shop");
        return scopes.ifBrandVisible(brandId, scope -> brands.findById(brandId)
                .chain(brand -> brand == null
                        ? Uni.createFrom().nullItem()
                        : shops.findById(id).chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom()
                                        .failure(ProblemException.conflict("Shop " + id + " exists already"));
                            }
                            Shop shop = new Shop();
                            shop.id = id;
                            shop.brandId = brandId;
                            apply(shop, request);
                            shop.active = request.active() == null || request.active();
                            return shops.persistAndFlush(shop)
                                    .onFailure(OrgRules::isUniqueViolation)
                                    .transform(failure -> OrgRules.taken("The shop id"))
                                    .call(events::shopChanged)
                                    .map(ShopView::of);
                        })));
    }

    @TenantTransaction
    public Uni<List<ShopView>> list(String brandId) {
        return scopes.ifBrandVisible(brandId, scope -> brands.findById(brandId)
                .chain(brand -> brand == null
                        ? Uni.createFrom().nullItem()
                        : shops.list("brandId", Sort.by("id"), brandId)
                                .map(found -> found.stream().map(ShopView::of).toList())));
    }

    @TenantTransaction
    public Uni<ShopView> find(String brandId, String shopId) {
        return visible(brandId, shopId).map(shop -> shop == null ? null : ShopView.of(shop));
    }

    @TenantTransaction
    public Uni<ShopView> replace(String brandId, String shopId, ShopRequest request) {
        OrgIds.requireSameOrAbsent(request.shopId(), shopId, "shopId");
        return visible(brandId, shopId).chain(shop -> {
            if (shop == null) {
                return Uni.createFrom().nullItem();
            }
            OrgRules.requireVersion(request.version(), shop.version);
            apply(shop, request);
            if (request.active() != null) {
                shop.active = request.active();
            }
            return shops.flush().chain(() -> events.shopChanged(shop)).map(ignored -> ShopView.of(shop));
        });
    }

    private Uni<Shop> visible(String brandId, String shopId) {
        return scopes.ifBrandVisible(brandId, scope -> shops.findById(shopId))
                .map(shop -> shop != null && shop.brandId.equals(brandId) ? shop : null);
    }

    private static void apply(Shop shop, ShopRequest request) {
        shop.platform = request.platform();
        shop.name = request.name();
        shop.externalShopId = request.externalShopId();
    }
}

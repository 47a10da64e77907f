package com.bpo.agent.service;

import com.bpo.agent.domain.Shop;
import com.bpo.contracts.org.Platform;

public record ShopView(
        String shopId,
        String brandId,
        Platform platform,
        String name,
        String externalShopId,
        boolean active,
        long version) {

    public static ShopView of(Shop shop) {
        return new ShopView(
                shop.id, shop.brandId, shop.platform, shop.name, shop.externalShopId, shop.active, shop.version);
    }
}

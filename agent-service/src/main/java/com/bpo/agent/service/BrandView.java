package com.bpo.agent.service;

import com.bpo.agent.domain.Brand;

public record BrandView(String brandId, String name, String timeZone, boolean active, long version) {

    public static BrandView of(Brand brand) {
        return new BrandView(brand.id, brand.name, brand.timeZone, brand.active, brand.version);
    }
}

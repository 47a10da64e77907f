package com.bpo.contracts.org;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The current state of one of a brand's storefronts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShopChanged(String shopId, String brandId, Platform platform, String name, boolean active)
        implements EventPayload {

    @Override
    public String key() {
        return "shop:" + shopId;
    }
}

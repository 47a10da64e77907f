package com.bpo.contracts.org;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.ZoneId;

/**
 * The current state of a brand.
 *
 * @param timeZone the zone all of the brand's KPIs are computed in, e.g. {@code Asia/Shanghai}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrandChanged(String brandId, String name, ZoneId timeZone, boolean active) implements EventPayload {

    @Override
    public String key() {
        return "brand:" + brandId;
    }
}

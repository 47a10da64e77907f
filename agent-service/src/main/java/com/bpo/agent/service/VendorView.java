package com.bpo.agent.service;

import com.bpo.agent.domain.Vendor;

public record VendorView(String vendorId, String name, boolean active, long version) {

    public static VendorView of(Vendor vendor) {
        return new VendorView(vendor.id, vendor.name, vendor.active, vendor.version);
    }
}

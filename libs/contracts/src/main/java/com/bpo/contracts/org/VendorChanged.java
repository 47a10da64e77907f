package com.bpo.contracts.org;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The current state of an outsourcing vendor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VendorChanged(String vendorId, String name, boolean active) implements EventPayload {

    @Override
    public String key() {
        return "vendor:" + vendorId;
    }
}

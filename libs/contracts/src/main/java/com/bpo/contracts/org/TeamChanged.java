package com.bpo.contracts.org;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The current state of a team of a vendor's agents. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamChanged(String teamId, String vendorId, String name, boolean active) implements EventPayload {

    @Override
    public String key() {
        return "team:" + teamId;
    }
}

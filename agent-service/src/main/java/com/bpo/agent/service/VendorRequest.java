package com.bpo.agent.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A vendor as a client sends it; {@code vendorId} is required on create (it is the tokens' {@code vendor_id}). */
public record VendorRequest(
        @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String vendorId,
        @NotBlank @Size(max = 256) String name,
        Boolean active,
        Long version) {}

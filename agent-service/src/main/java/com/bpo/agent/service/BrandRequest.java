package com.bpo.agent.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A brand as a client sends it.
 *
 * @param brandId required when creating (it is the tokens' {@code brand_id}); on a replace, absent or the path's id
 * @param timeZone IANA id; {@code Asia/Shanghai} when absent
 * @param active absent keeps the current state (a new brand is active)
 * @param version the version the client read; a replace of a newer version is refused
 */
public record BrandRequest(
        @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String brandId,
        @NotBlank @Size(max = 256) String name,
        @Size(max = 64) String timeZone,
        Boolean active,
        Long version) {}

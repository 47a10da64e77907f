package com.bpo.agent.service;

import com.bpo.contracts.org.Platform;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A shop as a client sends it.
 *
 * @param shopId generated when absent on create; on a replace, absent or the path's id
 * @param externalShopId the shop's id on its platform, optional
 */
public record ShopRequest(
        @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String shopId,
        @NotNull Platform platform,
        @NotBlank @Size(max = 256) String name,
        @Size(max = 128) String externalShopId,
        Boolean active,
        Long version) {}

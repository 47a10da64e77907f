package com.bpo.agent.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A team as a client sends it; {@code teamId} is generated when absent on create. */
public record TeamRequest(
        @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String teamId,
        @NotBlank @Size(max = 256) String name,
        Boolean active,
        Long version) {}

package com.bpo.agent.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An agent as a client sends it.
 *
 * @param agentId generated when absent on create
 * @param teamId a team of the same vendor
 * @param userId the person's Keycloak user id or username; one agent per person
 * @param maxConcurrency conversations served at once, 1-100; 1 when absent
 */
public record AgentRequest(
        @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String agentId,
        @NotBlank @Size(max = 128) String teamId,
        @NotBlank @Size(max = 128) String userId,
        @NotBlank @Size(max = 256) String displayName,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> skills,
        @Min(1) @Max(100) Integer maxConcurrency,
        Boolean active,
        Long version) {}

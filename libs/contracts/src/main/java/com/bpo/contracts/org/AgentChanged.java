package com.bpo.contracts.org;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The current state of an agent.
 *
 * @param userId the agent's Keycloak user id (the token subject)
 * @param maxConcurrency how many conversations the agent serves at once
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentChanged(
        String agentId,
        String vendorId,
        String teamId,
        String userId,
        String displayName,
        List<String> skills,
        int maxConcurrency,
        boolean active)
        implements EventPayload {

    public AgentChanged {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    @Override
    public String key() {
        return "agent:" + agentId;
    }
}

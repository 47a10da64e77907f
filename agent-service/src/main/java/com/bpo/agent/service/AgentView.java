package com.bpo.agent.service;

import com.bpo.agent.domain.Agent;
import java.util.List;

public record AgentView(
        String agentId,
        String vendorId,
        String teamId,
        String userId,
        String displayName,
        List<String> skills,
        int maxConcurrency,
        boolean active,
        long version) {

    public static AgentView of(Agent agent) {
        return new AgentView(
                agent.id,
                agent.vendorId,
                agent.teamId,
                agent.userId,
                agent.displayName,
                List.of(agent.skills),
                agent.maxConcurrency,
                agent.active,
                agent.version);
    }
}

package com.bpo.agent.service;

import com.bpo.agent.domain.Team;

public record TeamView(String teamId, String vendorId, String name, boolean active, long version) {

    public static TeamView of(Team team) {
        return new TeamView(team.id, team.vendorId, team.name, team.active, team.version);
    }
}

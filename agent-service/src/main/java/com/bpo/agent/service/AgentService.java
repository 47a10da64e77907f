package com.bpo.agent.service;

import com.bpo.agent.domain.Agent;
import com.bpo.agent.messaging.OrgEvents;
import com.bpo.agent.repository.AgentRepository;
import com.bpo.agent.repository.TeamRepository;
import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.tenant.TenantTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A vendor's agents; null answers mean the vendor or agent is outside the caller's scope. */
@ApplicationScoped
public class AgentService {

    private final AgentRepository agents;
    private final TeamRepository teams;
    private final TeamService teamService;
    private final OrgEvents events;

    AgentService(AgentRepository agents, TeamRepository teams, TeamService teamService, OrgEvents events) {
        this.agents = agents;
        this.teams = teams;
        this.teamService = teamService;
        this.events = events;
    }

    @TenantTransaction
    public Uni<AgentView> create(String vendorId, AgentRequest request) {
        String id = OrgIds.orGenerate(request.agentId(), "agent");
        return teamService
                .vendorVisible(vendorId)
                .chain(visible -> !visible
                        ? Uni.createFrom().nullItem()
                        : agents.findById(id).chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom()
                                        .failure(ProblemException.conflict("Agent " + id + " exists already"));
                            }
                            Agent agent = new Agent();
                            agent.id = id;
                            agent.vendorId = vendorId;
                            agent.active = request.active() == null || request.active();
                            return checkAndApply(agent, request)
                                    .chain(() -> agents.persistAndFlush(agent)
                                            .onFailure(OrgRules::isUniqueViolation)
                                            .transform(failure -> OrgRules.taken("The agent id or user")))
                                    .call(events::agentChanged)
                                    .map(AgentView::of);
                        }));
    }

    @TenantTransaction
    public Uni<List<AgentView>> list(String vendorId) {
        return teamService
                .vendorVisible(vendorId)
                .chain(visible -> !visible
                        ? Uni.createFrom().nullItem()
                        : agents.list("vendorId", Sort.by("id"), vendorId)
                                .map(found -> found.stream().map(AgentView::of).toList()));
    }

    @TenantTransaction
    public Uni<AgentView> find(String vendorId, String agentId) {
        return visible(vendorId, agentId).map(agent -> agent == null ? null : AgentView.of(agent));
    }

    @TenantTransaction
    public Uni<AgentView> replace(String vendorId, String agentId, AgentRequest request) {
        OrgIds.requireSameOrAbsent(request.agentId(), agentId, "agentId");
        return visible(vendorId, agentId).chain(agent -> {
            if (agent == null) {
                return Uni.createFrom().nullItem();
            }
            OrgRules.requireVersion(request.version(), agent.version);
            if (request.active() != null) {
                agent.active = request.active();
            }
            return checkAndApply(agent, request)
                    .chain(() -> agents.flush()
                            .onFailure(OrgRules::isUniqueViolation)
                            .transform(failure -> OrgRules.taken("The user")))
                    .chain(() -> events.agentChanged(agent))
                    .map(ignored -> AgentView.of(agent));
        });
    }

    private Uni<Agent> visible(String vendorId, String agentId) {
        return teamService
                .vendorVisible(vendorId)
                .chain(visible -> !visible
                        ? Uni.createFrom().<Agent>nullItem()
                        : agents.findById(agentId)
                                .map(agent -> agent != null && agent.vendorId.equals(vendorId) ? agent : null));
    }

    /** The team must be an active team of the agent's vendor; a person is at most one agent. */
    private Uni<Void> checkAndApply(Agent agent, AgentRequest request) {
        return teams.findById(request.teamId())
                .chain(team -> {
                    if (team == null || !team.vendorId.equals(agent.vendorId) || !team.active) {
                        throw ProblemException.businessRule(
                                "The team is not an active team of this vendor",
                                new FieldError("teamId", "must be an active team of the vendor", request.teamId()));
                    }
                    return agents.find("userId = ?1 and id <> ?2", request.userId(), agent.id)
                            .firstResult();
                })
                .map(other -> {
                    if (other != null) {
                        throw ProblemException.conflict("The user is already another agent");
                    }
                    agent.teamId = request.teamId();
                    agent.userId = request.userId();
                    agent.displayName = request.displayName();
                    agent.skills = request.skills() == null
                            ? new String[0]
                            : request.skills().stream().distinct().toArray(String[]::new);
                    agent.maxConcurrency = request.maxConcurrency() == null ? 1 : request.maxConcurrency();
                    return null;
                });
    }
}

package com.bpo.agent.service;

import com.bpo.agent.domain.Team;
import com.bpo.agent.messaging.OrgEvents;
import com.bpo.agent.repository.TeamRepository;
import com.bpo.agent.repository.VendorRepository;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.tenant.TenantScopes;
import com.bpo.kit.tenant.TenantTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A vendor's teams; null answers mean the vendor or team is outside the caller's scope. */
@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final VendorRepository vendors;
    private final TenantScopes scopes;
    private final OrgEvents events;

    TeamService(TeamRepository teams, VendorRepository vendors, TenantScopes scopes, OrgEvents events) {
        this.teams = teams;
        this.vendors = vendors;
        this.scopes = scopes;
        this.events = events;
    }

    @TenantTransaction
    public Uni<TeamView> create(String vendorId, TeamRequest request) {
        String id = OrgIds.orGenerate(request.teamId(), "team");
        return vendorVisible(vendorId)
                .chain(visible -> !visible
                        ? Uni.createFrom().nullItem()
                        : teams.findById(id).chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom()
                                        .failure(ProblemException.conflict("Team " + id + " exists already"));
                            }
                            Team team = new Team();
                            team.id = id;
                            team.vendorId = vendorId;
                            team.name = request.name();
                            team.active = request.active() == null || request.active();
                            return teams.persistAndFlush(team)
                                    .onFailure(OrgRules::isUniqueViolation)
                                    .transform(failure -> OrgRules.taken("The team id"))
                                    .call(events::teamChanged)
                                    .map(TeamView::of);
                        }));
    }

    @TenantTransaction
    public Uni<List<TeamView>> list(String vendorId) {
        return vendorVisible(vendorId)
                .chain(visible -> !visible
                        ? Uni.createFrom().nullItem()
                        : teams.list("vendorId", Sort.by("id"), vendorId)
                                .map(found -> found.stream().map(TeamView::of).toList()));
    }

    @TenantTransaction
    public Uni<TeamView> find(String vendorId, String teamId) {
        return visible(vendorId, teamId).map(team -> team == null ? null : TeamView.of(team));
    }

    @TenantTransaction
    public Uni<TeamView> replace(String vendorId, String teamId, TeamRequest request) {
        OrgIds.requireSameOrAbsent(request.teamId(), teamId, "teamId");
        return visible(vendorId, teamId).chain(team -> {
            if (team == null) {
                return Uni.createFrom().nullItem();
            }
            OrgRules.requireVersion(request.version(), team.version);
            team.name = request.name();
            if (request.active() != null) {
                team.active = request.active();
            }
            return teams.flush().chain(() -> events.teamChanged(team)).map(ignored -> TeamView.of(team));
        });
    }

    private Uni<Team> visible(String vendorId, String teamId) {
        return vendorVisible(vendorId)
                .chain(visible -> !visible
                        ? Uni.createFrom().<Team>nullItem()
                        : teams.findById(teamId)
                                .map(team -> team != null && team.vendorId.equals(vendorId) ? team : null));
    }

    /** Whether the vendor exists and is in the caller's scope. */
    Uni<Boolean> vendorVisible(String vendorId) {
        return scopes.current()
                .chain(scope -> OrgRules.vendorVisible(scope, vendorId)
                        ? vendors.findById(vendorId).map(vendor -> vendor != null)
                        : Uni.createFrom().item(false));
    }
}

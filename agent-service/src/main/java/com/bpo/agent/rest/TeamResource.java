package com.bpo.agent.rest;

import com.bpo.agent.service.TeamRequest;
import com.bpo.agent.service.TeamService;
import com.bpo.agent.service.TeamView;
import com.bpo.kit.tenant.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/vendors/{vendorId}/teams")
@Authenticated
public class TeamResource {

    private final TeamService teams;

    TeamResource(TeamService teams) {
        this.teams = teams;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENDOR_ADMIN})
    public Uni<RestResponse<TeamView>> create(
            @PathParam("vendorId") String vendorId, @Valid @NotNull TeamRequest request, @Context UriInfo uriInfo) {
        return teams.create(vendorId, request)
                .map(view -> Responses.createdOrNotFound(view, uriInfo, TeamView::teamId));
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENDOR_ADMIN, Roles.VENDOR_SUPERVISOR})
    public Uni<RestResponse<List<TeamView>>> list(@PathParam("vendorId") String vendorId) {
        return teams.list(vendorId).map(Responses::okOrNotFound);
    }

    @GET
    @Path("/{teamId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENDOR_ADMIN, Roles.VENDOR_SUPERVISOR})
    public Uni<RestResponse<TeamView>> find(
            @PathParam("vendorId") String vendorId, @PathParam("teamId") String teamId) {
        return teams.find(vendorId, teamId).map(Responses::okOrNotFound);
    }

    @PUT
    @Path("/{teamId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENDOR_ADMIN})
    public Uni<RestResponse<TeamView>> replace(
            @PathParam("vendorId") String vendorId,
            @PathParam("teamId") String teamId,
            @Valid @NotNull TeamRequest request) {
        return teams.replace(vendorId, teamId, request).map(Responses::okOrNotFound);
    }
}

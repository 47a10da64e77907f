package com.bpo.agent.rest;

import com.bpo.agent.service.AgentRequest;
import com.bpo.agent.service.AgentService;
import com.bpo.agent.service.AgentView;
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

@Path("/api/v1/vendors/{vendorId}/agents")
@Authenticated
public class AgentResource {

    private final AgentService agents;

    AgentResource(AgentService agents) {
        this.agents = agents;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENDOR_ADMIN})
    public Uni<RestResponse<AgentView>> create(
            @PathParam("vendorId") String vendorId, @Valid @NotNull AgentRequest request, @Context UriInfo uriInfo) {
        return agents.create(vendorId, request)
                .map(view -> Responses.createdOrNotFound(view, uriInfo, AgentView::agentId));
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENDOR_ADMIN, Roles.VENDOR_SUPERVISOR})
    public Uni<RestResponse<List<AgentView>>> list(@PathParam("vendorId") String vendorId) {
        return agents.list(vendorId).map(Responses::okOrNotFound);
    }

    @GET
    @Path("/{agentId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENDOR_ADMIN, Roles.VENDOR_SUPERVISOR})
    public Uni<RestResponse<AgentView>> find(
            @PathParam("vendorId") String vendorId, @PathParam("agentId") String agentId) {
        return agents.find(vendorId, agentId).map(Responses::okOrNotFound);
    }

    @PUT
    @Path("/{agentId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENDOR_ADMIN})
    public Uni<RestResponse<AgentView>> replace(
            @PathParam("vendorId") String vendorId,
            @PathParam("agentId") String agentId,
            @Valid @NotNull AgentRequest request) {
        return agents.replace(vendorId, agentId, request).map(Responses::okOrNotFound);
    }
}

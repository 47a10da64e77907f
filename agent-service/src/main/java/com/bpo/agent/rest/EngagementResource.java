package com.bpo.agent.rest;

import com.bpo.agent.service.EngagementRequest;
import com.bpo.agent.service.EngagementService;
import com.bpo.agent.service.EngagementView;
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

@Path("/api/v1/engagements")
@Authenticated
public class EngagementResource {

    private final EngagementService engagements;

    EngagementResource(EngagementService engagements) {
        this.engagements = engagements;
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<RestResponse<EngagementView>> create(
            @Valid @NotNull EngagementRequest request, @Context UriInfo uriInfo) {
        return engagements
                .create(request)
                .map(view -> Responses.createdOrNotFound(view, uriInfo, EngagementView::engagementId));
    }

    @GET
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.BRAND_AUDITOR,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR
    })
    public Uni<List<EngagementView>> list() {
        return engagements.list();
    }

    @GET
    @Path("/{engagementId}")
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.BRAND_AUDITOR,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR
    })
    public Uni<RestResponse<EngagementView>> find(@PathParam("engagementId") String engagementId) {
        return engagements.find(engagementId).map(Responses::okOrNotFound);
    }

    @PUT
    @Path("/{engagementId}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<RestResponse<EngagementView>> replace(
            @PathParam("engagementId") String engagementId, @Valid @NotNull EngagementRequest request) {
        return engagements.replace(engagementId, request).map(Responses::okOrNotFound);
    }

    /** The platform, or the brand itself, ends a vendor's engagement; the vendor's access ends with it. */
    @POST
    @Path("/{engagementId}/deactivate")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BRAND_ADMIN})
    public Uni<RestResponse<EngagementView>> deactivate(@PathParam("engagementId") String engagementId) {
        return engagements.deactivate(engagementId).map(Responses::okOrNotFound);
    }
}

package com.bpo.agent.rest;

import com.bpo.agent.service.BrandRequest;
import com.bpo.agent.service.BrandService;
import com.bpo.agent.service.BrandView;
import com.bpo.kit.tenant.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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

@Path("/api/v1/brands")
@Authenticated
public class BrandResource {

    private final BrandService brands;
    private final SecurityIdentity identity;

    BrandResource(BrandService brands, SecurityIdentity identity) {
        this.brands = brands;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<RestResponse<BrandView>> create(@Valid @NotNull BrandRequest request, @Context UriInfo uriInfo) {
        return brands.create(request).map(view -> Responses.createdOrNotFound(view, uriInfo, BrandView::brandId));
    }

    @GET
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.BRAND_AUDITOR,
        Roles.INTEGRATION,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR
    })
    public Uni<List<BrandView>> list() {
        return brands.list();
    }

    @GET
    @Path("/{brandId}")
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.BRAND_AUDITOR,
        Roles.INTEGRATION,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR
    })
    public Uni<RestResponse<BrandView>> find(@PathParam("brandId") String brandId) {
        return brands.find(brandId).map(Responses::okOrNotFound);
    }

    @PUT
    @Path("/{brandId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BRAND_ADMIN})
    public Uni<RestResponse<BrandView>> replace(
            @PathParam("brandId") String brandId, @Valid @NotNull BrandRequest request) {
        return brands.replace(brandId, request, identity.hasRole(Roles.PLATFORM_ADMIN))
                .map(Responses::okOrNotFound);
    }
}

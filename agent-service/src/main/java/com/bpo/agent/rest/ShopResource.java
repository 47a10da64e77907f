package com.bpo.agent.rest;

import com.bpo.agent.service.ShopRequest;
import com.bpo.agent.service.ShopService;
import com.bpo.agent.service.ShopView;
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

@Path("/api/v1/brands/{brandId}/shops")
@Authenticated
public class ShopResource {

    private final ShopService shops;

    ShopResource(ShopService shops) {
        this.shops = shops;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BRAND_ADMIN})
    public Uni<RestResponse<ShopView>> create(
            @PathParam("brandId") String brandId, @Valid @NotNull ShopRequest request, @Context UriInfo uriInfo) {
        return shops.create(brandId, request).map(view -> Responses.createdOrNotFound(view, uriInfo, ShopView::shopId));
    }

    @GET
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.INTEGRATION,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR
    })
    public Uni<RestResponse<List<ShopView>>> list(@PathParam("brandId") String brandId) {
        return shops.list(brandId).map(Responses::okOrNotFound);
    }

    @GET
    @Path("/{shopId}")
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.INTEGRATION,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR
    })
    public Uni<RestResponse<ShopView>> find(@PathParam("brandId") String brandId, @PathParam("shopId") String shopId) {
        return shops.find(brandId, shopId).map(Responses::okOrNotFound);
    }

    @PUT
    @Path("/{shopId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BRAND_ADMIN})
    public Uni<RestResponse<ShopView>> replace(
            @PathParam("brandId") String brandId,
            @PathParam("shopId") String shopId,
            @Valid @NotNull ShopRequest request) {
        return shops.replace(brandId, shopId, request).map(Responses::okOrNotFound);
    }
}

package com.bpo.agent.rest;

import com.bpo.agent.service.VendorRequest;
import com.bpo.agent.service.VendorService;
import com.bpo.agent.service.VendorView;
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

@Path("/api/v1/vendors")
@Authenticated
public class VendorResource {

    private final VendorService vendors;

    VendorResource(VendorService vendors) {
        this.vendors = vendors;
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<RestResponse<VendorView>> create(@Valid @NotNull VendorRequest request, @Context UriInfo uriInfo) {
        return vendors.create(request).map(view -> Responses.createdOrNotFound(view, uriInfo, VendorView::vendorId));
    }

    @GET
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR
    })
    public Uni<List<VendorView>> list() {
        return vendors.list();
    }

    @GET
    @Path("/{vendorId}")
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR
    })
    public Uni<RestResponse<VendorView>> find(@PathParam("vendorId") String vendorId) {
        return vendors.find(vendorId).map(Responses::okOrNotFound);
    }

    @PUT
    @Path("/{vendorId}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<RestResponse<VendorView>> replace(
            @PathParam("vendorId") String vendorId, @Valid @NotNull VendorRequest request) {
        return vendors.replace(vendorId, request).map(Responses::okOrNotFound);
    }
}

package com.bpo.kit.tenant;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.RestResponse;

/** A small endpoint of the test application, shaped like a service's resource. */
@Path("/kit-test/tenant")
@Authenticated
public class TenantProbeResource {

    private final TenantScopes scopes;
    private final TenantNoteService notes;

    TenantProbeResource(TenantScopes scopes, TenantNoteService notes) {
        this.scopes = scopes;
        this.notes = notes;
    }

    public record PrincipalView(
            String subject,
            String username,
            String clientId,
            Set<String> roles,
            String brandId,
            String vendorId,
            String agentId) {}

    public record ScopeView(boolean allBrands, Set<String> brandIds, String vendorId, String agentId) {}

    public record WhoAmIView(PrincipalView principal, ScopeView scope) {}

    @GET
    @Path("/whoami")
    public Uni<WhoAmIView> whoAmI() {
        Principal principal = scopes.principal();
        return scopes.current()
                .map(scope -> new WhoAmIView(
                        new PrincipalView(
                                principal.subject(),
                                principal.username(),
                                principal.clientId(),
                                new TreeSet<>(principal.roles()),
                                principal.brandId(),
                                principal.vendorId(),
                                principal.agentId()),
                        new ScopeView(
                                scope.allBrands(),
                                new TreeSet<>(scope.brandIds()),
                                scope.vendorId(),
                                scope.agentId())));
    }

    @GET
    @Path("/brands/{brandId}/notes")
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR,
        Roles.AGENT
    })
    public Uni<RestResponse<List<TenantNoteView>>> notesOfBrand(@PathParam("brandId") String brandId) {
        return scopes.ifBrandVisible(brandId, scope -> notes.listForBrand(brandId))
                .map(TenantProbeResource::okOrNotFound);
    }

    @GET
    @Path("/brands/{brandId}/note-count")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BRAND_ADMIN, Roles.BRAND_ANALYST})
    public Uni<RestResponse<Long>> noteCountOfBrand(@PathParam("brandId") String brandId) {
        return scopes.ifBrandVisible(brandId, scope -> notes.countForBrand(brandId))
                .map(TenantProbeResource::okOrNotFound);
    }

    @GET
    @Path("/notes/{id}")
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR,
        Roles.AGENT
    })
    public Uni<RestResponse<TenantNoteView>> note(@PathParam("id") String id) {
        return notes.find(id).map(TenantProbeResource::okOrNotFound);
    }

    private static <T> RestResponse<T> okOrNotFound(T value) {
        return value == null ? RestResponse.notFound() : RestResponse.ok(value);
    }
}

package com.bpo.agent.customer;

import com.bpo.agent.service.OrgIds;
import com.bpo.kit.tenant.Roles;
import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A brand's customer profiles. Customer ids are unique only within a brand: a caller whose access covers several
 * brands (vendor staff, platform administrators) names one with {@code brandId}.
 */
@Path("/api/v1/customers/{customerId}")
@Authenticated
public class CustomerResource {

    private final CustomerService customers;

    CustomerResource(CustomerService customers) {
        this.customers = customers;
    }

    @PUT
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.BRAND_ADMIN, Roles.INTEGRATION})
    public Uni<RestResponse<CustomerView>> store(
            @PathParam("customerId") @Pattern(regexp = ExternalIds.PATTERN, message = ExternalIds.PATTERN_MESSAGE)
                    String customerId,
            @QueryParam("brandId") @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String brandId,
            @Valid @NotNull CustomerRequest request,
            @Context UriInfo uriInfo) {
        return customers.store(brandId, customerId, request).map(stored -> {
            if (stored == null) {
                return RestResponse.notFound();
            }
            if (!stored.created()) {
                return RestResponse.ok(stored.view());
            }
            return RestResponse.ResponseBuilder.<CustomerView>created(uriInfo.getAbsolutePathBuilder()
                            .queryParam("brandId", stored.view().brandId())
                            .build())
                    .entity(stored.view())
                    .build();
        });
    }

    @GET
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.BRAND_AUDITOR,
        Roles.INTEGRATION,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR,
        Roles.AGENT
    })
    public Uni<RestResponse<CustomerView>> find(
            @PathParam("customerId") @Pattern(regexp = ExternalIds.PATTERN, message = ExternalIds.PATTERN_MESSAGE)
                    String customerId,
            @QueryParam("brandId") @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String brandId) {
        return customers
                .find(brandId, customerId)
                .map(view -> view == null ? RestResponse.notFound() : RestResponse.ok(view));
    }

    /**
     * Reveals fields in clear. Brand analysts work with aggregates and integrations with masked data only, so neither
     * may reveal.
     */
    @POST
    @Path("/reveal")
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_AUDITOR,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR,
        Roles.AGENT
    })
    public Uni<RestResponse<CustomerRevealView>> reveal(
            @PathParam("customerId") @Pattern(regexp = ExternalIds.PATTERN, message = ExternalIds.PATTERN_MESSAGE)
                    String customerId,
            @QueryParam("brandId") @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String brandId,
            @Valid @NotNull CustomerRevealRequest request) {
        return customers.reveal(brandId, customerId, request).map(view -> {
            if (view == null) {
                return RestResponse.notFound();
            }
            // Ids and field names only: the ledger entry is found by its access id, the values never reach a log.
            Log.infof(
                    "PII access %s: customer fields %s of brand %s revealed",
                    view.accessId(), request.fields(), view.brandId());
            return RestResponse.ok(view);
        });
    }
}

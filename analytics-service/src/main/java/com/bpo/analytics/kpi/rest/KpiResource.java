package com.bpo.analytics.kpi.rest;

import com.bpo.analytics.kpi.query.KpiQueries;
import com.bpo.analytics.kpi.query.KpiQuery;
import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.tenant.Roles;
import com.bpo.kit.tenant.TenantScopes;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * KPI queries. Every platform role may ask; what it sees is decided by its scope: brand roles and platform admins the
 * whole brand, vendor roles only records credited to their vendor, agents only records credited to themselves. A
 * brand outside the scope answers 404.
 */
@Path("/api/v1/kpis")
@Authenticated
public class KpiResource {

    static final String CSV = "text/csv";

    private final KpiQueries queries;
    private final TenantScopes scopes;

    KpiResource(KpiQueries queries, TenantScopes scopes) {
        this.queries = queries;
        this.scopes = scopes;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_ANALYST,
        Roles.BRAND_AUDITOR,
        Roles.INTEGRATION,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR,
        Roles.QA_REVIEWER,
        Roles.AGENT
    })
    public Uni<Response> kpis(
            @RestQuery String brandId,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String groupBy,
            @RestQuery String kpis,
            @RestQuery String format) {
        boolean csv = csv(format);
        KpiQuery query = KpiQuery.parse(from, to, groupBy, kpis);
        return scopes.current().chain(scope -> {
            String brand = scope.selectBrand(brandId);
            if (brand == null) {
                return Uni.createFrom()
                        .item(Response.status(Response.Status.NOT_FOUND).build());
            }
            return queries.report(scope, brand, query)
                    .map(report -> report == null
                            ? Response.status(Response.Status.NOT_FOUND).build()
                            : csv
                                    ? Response.ok(KpiCsv.of(report), CSV + ";charset=UTF-8")
                                            .build()
                                    : Response.ok(report, MediaType.APPLICATION_JSON)
                                            .build());
        });
    }

    private static boolean csv(String format) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw ProblemException.invalid(
                "Unknown format '" + format + "'", new FieldError("format", "must be json or csv", format));
    }
}

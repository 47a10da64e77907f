package com.bpo.analytics.commerce;

import com.bpo.kit.ingest.BatchReader;
import com.bpo.kit.ingest.IngestAnswer;
import com.bpo.kit.tenant.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Orders and ratings pushed by a brand's shop systems, in batches of up to 10,000 records (JSON array or NDJSON).
 * Each answers 200 once every accepted record is durable on Kafka, with the counts and, for each rejected record, its
 * index and the field that is wrong. Vendors and agents do not send commerce facts.
 */
@Path("/api/v1/commerce")
@Authenticated
public class CommerceResource {

    private final CommerceIngestion ingestion;

    CommerceResource(CommerceIngestion ingestion) {
        this.ingestion = ingestion;
    }

    /** Order records: placed, paid, refunded. {@code brandId} is needed only when the caller covers several brands. */
    @POST
    @Path("/orders")
    @Consumes({MediaType.APPLICATION_JSON, BatchReader.NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.BRAND_ADMIN, Roles.PLATFORM_ADMIN})
    public Uni<IngestAnswer> orders(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("brandId") String brandId) {
        return ingestion.ingestOrders(brandId, body, contentType);
    }

    /** Rating records (DSR scores). {@code brandId} is needed only when the caller covers several brands. */
    @POST
    @Path("/ratings")
    @Consumes({MediaType.APPLICATION_JSON, BatchReader.NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTEGRATION, Roles.BRAND_ADMIN, Roles.PLATFORM_ADMIN})
    public Uni<IngestAnswer> ratings(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("brandId") String brandId) {
        return ingestion.ingestRatings(brandId, body, contentType);
    }
}

package com.bpo.agent.call;

import com.bpo.agent.rest.Responses;
import com.bpo.kit.ingest.BatchReader;
import com.bpo.kit.ingest.IngestAnswer;
import com.bpo.kit.tenant.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** Ended calls pushed by brands' telephony and vendors' desk tools, and reading them back. */
@Path("/api/v1/calls")
@Authenticated
public class CallResource {

    /** At most this many records per request; larger batches are refused whole with 413. */
    static final int MAX_RECORDS = 10_000;

    private final BatchReader reader;
    private final CallIngestion ingestion;
    private final CallQueries queries;

    CallResource(BatchReader reader, CallIngestion ingestion, CallQueries queries) {
        this.reader = reader;
        this.ingestion = ingestion;
        this.queries = queries;
    }

    /**
     * Takes a JSON array or NDJSON of ended calls. Answers 200 once every accepted call is durable on Kafka, with the
     * counts and, for each rejected record, its index and the reason.
     */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, BatchReader.NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({
        Roles.INTEGRATION,
        Roles.BRAND_ADMIN,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR,
        Roles.PLATFORM_ADMIN
    })
    public Uni<IngestAnswer> ingest(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return ingestion.ingest(reader.read(body, contentType, CallRecord.class, MAX_RECORDS));
    }

    /** One call, as stored; vendors see their own calls, agents the calls they answered. */
    @GET
    @Path("/{callId}")
    @Produces(MediaType.APPLICATION_JSON)
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
    public Uni<RestResponse<CallView>> find(@PathParam("callId") String callId, @QueryParam("brandId") String brandId) {
        return queries.find(brandId, callId).map(Responses::okOrNotFound);
    }
}

package com.bpo.kit.ingest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

/** An ingestion endpoint shaped like a service's, taking at most three chat messages a request. */
@Path("/kit-test/ingest")
public class IngestProbeResource {

    static final int MAX_RECORDS = 3;

    private final BatchReader batchReader;

    IngestProbeResource(BatchReader batchReader) {
        this.batchReader = batchReader;
    }

    @POST
    @Path("/messages")
    @Consumes({MediaType.APPLICATION_JSON, BatchReader.NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    public IngestAnswer ingest(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        Batch<ChatLine> batch = batchReader.read(body, contentType, ChatLine.class, MAX_RECORDS);
        return IngestAnswer.of(batch, 0);
    }
}

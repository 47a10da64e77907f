package com.bpo.agent.chat;

import com.bpo.kit.ingest.BatchReader;
import com.bpo.kit.ingest.IngestAnswer;
import com.bpo.kit.messaging.VertxContexts;
import com.bpo.kit.tenant.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Chat messages pushed by brands' chat systems and vendors' desk tools, in batches. */
@Path("/api/v1/chat/messages")
@Authenticated
public class ChatMessageResource {

    /** At most this many records per request; larger batches are refused whole with 413. */
    static final int MAX_RECORDS = 10_000;

    private final BatchReader reader;
    private final ChatIngestion ingestion;

    ChatMessageResource(BatchReader reader, ChatIngestion ingestion) {
        this.reader = reader;
        this.ingestion = ingestion;
    }

    /**
     * Takes a JSON array or NDJSON of messages. Answers 200 once every accepted message is durable on Kafka, with the
     * counts and, for each rejected record, its index and the reason; 5xx when the broker did not acknowledge, in
     * which case the whole batch can be sent again safely.
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
        // Reading and validating a thousand records takes milliseconds of CPU: on a worker, not the event loop.
        return VertxContexts.onWorker(() -> reader.read(body, contentType, ChatMessageRecord.class, MAX_RECORDS))
                .chain(ingestion::ingest);
    }
}

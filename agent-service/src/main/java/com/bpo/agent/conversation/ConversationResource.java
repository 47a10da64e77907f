package com.bpo.agent.conversation;

import com.bpo.kit.tenant.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The console's reads of conversations. Only GET lives here: closing a conversation is the chat ingestion's
 * ({@code POST .../{conversationId}/close}). Which conversations a caller sees is decided by its scope, not its role.
 */
@Path("/api/v1/chat/conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ConversationQueries queries;

    ConversationResource(ConversationQueries queries) {
        this.queries = queries;
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
        Roles.QA_REVIEWER,
        Roles.AGENT
    })
    public Uni<RestResponse<ConversationPage>> list(
            @RestQuery String brandId,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String day,
            @RestQuery String shopId,
            @RestQuery String vendorId,
            @RestQuery String agentId,
            @RestQuery String customerId,
            @RestQuery String status,
            @RestQuery String limit,
            @RestQuery String cursor) {
        ConversationFilter filter =
                ConversationFilter.parse(from, to, day, shopId, vendorId, agentId, customerId, status, limit, cursor);
        return queries.list(QueryParameters.text(brandId), filter).map(ConversationResource::okOrNotFound);
    }

    @GET
    @Path("/{conversationId}")
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
    public Uni<RestResponse<ConversationView>> find(
            @RestPath String conversationId, @RestQuery String brandId, @RestQuery String messagesAfter) {
        return queries.findWithMessages(QueryParameters.text(brandId), conversationId, messagesAfter)
                .map(ConversationResource::okOrNotFound);
    }

    /** A null item is a brand or conversation outside the caller's scope, answered like one that does not exist. */
    static <T> RestResponse<T> okOrNotFound(T value) {
        return value == null ? RestResponse.notFound() : RestResponse.ok(value);
    }
}

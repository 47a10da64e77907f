package com.bpo.agent.chat;

import com.bpo.agent.rest.Responses;
import com.bpo.contracts.chat.ConversationClosed;
import com.bpo.kit.tenant.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

/** Ending a chat session; sessions that stay silent are also closed after the configured idle time. */
@Path("/api/v1/chat/conversations/{conversationId}/close")
@Authenticated
public class ConversationCloseResource {

    private final ConversationClosing closing;

    ConversationCloseResource(ConversationClosing closing) {
        this.closing = closing;
    }

    /**
     * Closes the conversation and answers its facts as published in {@code ConversationClosed}. Closing a closed
     * conversation changes nothing and answers its facts again. Messages still on their way (the tables trail the
     * ingestion answer by a moment) are counted when they arrive: the facts are then published again.
     */
    @POST
    @RolesAllowed({
        Roles.INTEGRATION,
        Roles.BRAND_ADMIN,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR,
        Roles.AGENT,
        Roles.PLATFORM_ADMIN
    })
    public Uni<RestResponse<ConversationClosed>> close(
            @PathParam("conversationId") String conversationId,
            @QueryParam("brandId") String brandId,
            @Valid CloseRequest request) {
        return closing.close(brandId, conversationId, request).map(Responses::okOrNotFound);
    }
}

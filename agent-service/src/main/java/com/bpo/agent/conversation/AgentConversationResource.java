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

/** An agent's conversations (by default the open ones): the agent's own desk, or a supervisor looking at it. */
@Path("/api/v1/agents/{agentId}/conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AgentConversationResource {

    private final ConversationQueries queries;

    AgentConversationResource(ConversationQueries queries) {
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
            @RestPath String agentId,
            @RestQuery String brandId,
            @RestQuery String status,
            @RestQuery String limit,
            @RestQuery String cursor) {
        AgentConversationFilter filter = AgentConversationFilter.parse(status, limit, cursor);
        return queries.listForAgent(agentId, QueryParameters.text(brandId), filter)
                .map(ConversationResource::okOrNotFound);
    }
}

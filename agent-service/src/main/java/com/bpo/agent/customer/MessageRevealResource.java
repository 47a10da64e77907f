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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The audited reveal of a chat message's original text. A class of its own: the message ingestion owns
 * {@code /api/v1/chat/messages}.
 */
@Path("/api/v1/chat/messages/{messageId}/reveal")
@Authenticated
public class MessageRevealResource {

    private final MessageRevealService messages;

    MessageRevealResource(MessageRevealService messages) {
        this.messages = messages;
    }

    /** Brand analysts and integrations work with masked data only; vendor staff see their vendor's messages. */
    @POST
    @RolesAllowed({
        Roles.PLATFORM_ADMIN,
        Roles.BRAND_ADMIN,
        Roles.BRAND_AUDITOR,
        Roles.VENDOR_ADMIN,
        Roles.VENDOR_SUPERVISOR,
        Roles.AGENT
    })
    public Uni<RestResponse<MessageRevealView>> reveal(
            @PathParam("messageId") @Pattern(regexp = ExternalIds.PATTERN, message = ExternalIds.PATTERN_MESSAGE)
                    String messageId,
            @QueryParam("brandId") @Pattern(regexp = OrgIds.PATTERN, message = OrgIds.PATTERN_MESSAGE) String brandId,
            @Valid @NotNull MessageRevealRequest request) {
        return messages.reveal(brandId, messageId, request).map(view -> {
            if (view == null) {
                return RestResponse.notFound();
            }
            Log.infof("PII access %s: message text of brand %s revealed", view.accessId(), view.brandId());
            return RestResponse.ok(view);
        });
    }
}

package com.bpo.kit.error;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Endpoints shaped like a service's, each failing in one of the ways the problem mappers answer. */
@Path("/kit-test/problems")
public class ProblemProbeResource {

    public record ReplyRequest(@NotBlank String brandId, @NotEmpty List<@Valid Message> messages) {}

    public record Message(@NotBlank String text, @NotNull Instant sentAt) {}

    @POST
    @Path("/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ReplyRequest reply(@Valid @NotNull ReplyRequest request) {
        return request;
    }

    @GET
    @Path("/search")
    public String search(@RestQuery @Max(100) int size) {
        return "size " + size;
    }

    @GET
    @Path("/tickets/{id}")
    public String ticket(@RestPath String id) {
        throw new NotFoundException();
    }

    @POST
    @Path("/tickets/{id}/reopen")
    public void reopen(@RestPath String id) {
        throw ProblemException.conflict("Ticket " + id + " was closed more than 30 days ago.");
    }

    @POST
    @Path("/tickets/{id}/escalate")
    public Uni<String> escalate(@RestPath String id) {
        return Uni.createFrom()
                .failure(ProblemException.businessRule(
                        "Only an open ticket can be escalated.", FieldError.of("status", "is CLOSED")));
    }

    @GET
    @Path("/failure")
    public String failure() {
        throw new IllegalStateException("connection to db-internal-7 refused for user agent_app");
    }

    @GET
    @Path("/throttled")
    public String throttled() {
        throw new WebApplicationException(
                Response.status(429).header("Retry-After", "30").build());
    }

    @GET
    @Path("/admin")
    @RolesAllowed("platform-admin")
    public String admin() {
        return "admin";
    }
}

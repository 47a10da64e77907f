package com.bpo.agent.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/** How the resources turn a service's answer into HTTP: a null item is an id outside the caller's scope. */
public final class Responses {

    private Responses() {}

    public static <T> RestResponse<T> okOrNotFound(T value) {
        return value == null ? RestResponse.notFound() : RestResponse.ok(value);
    }

    /** 201 with the new resource's location, or 404 when the parent is outside the caller's scope. */
    public static <T> RestResponse<T> createdOrNotFound(T value, UriInfo uriInfo, Function<T, String> id) {
        return value == null
                ? RestResponse.notFound()
                : RestResponse.ResponseBuilder.<T>created(uriInfo.getAbsolutePathBuilder()
                                .path(id.apply(value))
                                .build())
                        .entity(value)
                        .build();
    }
}

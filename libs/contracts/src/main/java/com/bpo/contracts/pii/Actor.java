package com.bpo.contracts.pii;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The person (or brand system) behind an access, as their token named them at the time.
 *
 * @param userId the token subject
 * @param roles the realm roles of the token
 * @param agentId the agent id of the token, for agents
 * @param clientId the OAuth client the token was issued to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(String userId, String username, List<String> roles, String agentId, String clientId) {

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}

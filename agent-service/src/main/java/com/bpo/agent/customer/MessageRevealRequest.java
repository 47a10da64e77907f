package com.bpo.agent.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to see the original text of a chat message.
 *
 * @param purpose why, in the actor's words; it is recorded in the access ledger
 * @param ticketId the ticket the purpose refers to, if any
 */
public record MessageRevealRequest(
        @NotBlank @Size(max = MAX_PURPOSE_LENGTH) String purpose,
        @Pattern(regexp = ExternalIds.PATTERN, message = ExternalIds.PATTERN_MESSAGE) String ticketId) {

    /** Long enough for a sentence and a reference; the ledger is not a place for case notes. */
    public static final int MAX_PURPOSE_LENGTH = 500;
}

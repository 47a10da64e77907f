package com.bpo.agent.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A request to see a customer's personal data in clear.
 *
 * @param fields the fields to reveal, by their API names; a field named twice is revealed once
 * @param purpose why, in the actor's words; it is recorded in the access ledger
 * @param ticketId the ticket the purpose refers to, if any
 */
public record CustomerRevealRequest(
        @NotEmpty @Size(max = 4) List<@NotNull @Pattern(regexp = FIELD, message = FIELD_RULE) String> fields,
        @NotBlank @Size(max = MessageRevealRequest.MAX_PURPOSE_LENGTH) String purpose,
        @Pattern(regexp = ExternalIds.PATTERN, message = ExternalIds.PATTERN_MESSAGE) String ticketId) {

    static final String FIELD = CustomerField.API_NAME_PATTERN;
    static final String FIELD_RULE = CustomerField.API_NAME_MESSAGE;
}

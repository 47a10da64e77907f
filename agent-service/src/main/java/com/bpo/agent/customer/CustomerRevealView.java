package com.bpo.agent.customer;

import java.util.List;
import java.util.Map;

/**
 * The clear values of the requested fields, answered only after the access was recorded.
 *
 * @param accessId the id of the {@code PiiAccessed} record of this reveal in the access ledger
 * @param revealed field (API name) to clear value, for the requested fields the profile holds
 * @param absent the requested fields the profile does not hold
 */
public record CustomerRevealView(
        String accessId, String brandId, String customerId, Map<String, String> revealed, List<String> absent) {}

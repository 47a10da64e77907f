package com.bpo.agent.customer;

import java.time.Instant;
import java.util.List;

/**
 * A customer profile with its personal data masked ({@code 138****5678}, {@code 张*}): the only form in which a profile
 * leaves the service outside the audited reveal.
 *
 * @param presentFields the API names of the fields the profile holds; the others are {@code null}
 */
public record CustomerView(
        String brandId,
        String customerId,
        String name,
        String phone,
        String address,
        String buyerNick,
        List<String> presentFields,
        Instant updatedAt,
        long version) {}

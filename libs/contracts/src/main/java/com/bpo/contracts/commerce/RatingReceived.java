package com.bpo.contracts.commerce;

import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A customer's rating of an order (the three DSR dimensions, 1 to 5), as the brand reported it.
 *
 * @param conversationId the conversation the rating refers to, if the platform linked one
 * @param itemScore item as described
 * @param serviceScore service attitude
 * @param logisticsScore logistics
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RatingReceived(
        String ratingId,
        String brandId,
        String shopId,
        String customerId,
        String orderId,
        String conversationId,
        Instant ratedAt,
        int itemScore,
        int serviceScore,
        int logisticsScore)
        implements EventPayload {

    @Override
    public String key() {
        return ratingId;
    }
}

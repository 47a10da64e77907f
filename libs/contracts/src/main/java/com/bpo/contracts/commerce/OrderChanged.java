package com.bpo.contracts.commerce;

import com.bpo.contracts.DecimalStringSerializer;
import com.bpo.contracts.EventPayload;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A brand reported an order placed, paid or refunded. Keyed by order so that its changes stay in order.
 *
 * @param placedAt when the order was placed, repeated on every change so that conversion can be credited from any
 *     one of them
 * @param at when the reported change happened
 * @param amount the order amount (for {@link OrderStatus#REFUNDED}: the refunded amount), an exact decimal string
 * @param currency ISO 4217 code, e.g. {@code CNY}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderChanged(
        String orderId,
        String brandId,
        String shopId,
        String customerId,
        OrderStatus status,
        Instant placedAt,
        Instant at,
        @JsonSerialize(using = DecimalStringSerializer.class) BigDecimal amount,
        String currency)
        implements EventPayload {

    @Override
    public String key() {
        return orderId;
    }
}

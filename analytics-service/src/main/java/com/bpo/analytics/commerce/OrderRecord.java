package com.bpo.analytics.commerce;

import com.bpo.contracts.commerce.OrderStatus;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One change of an order as a brand's shop system reports it: placed, paid or refunded.
 *
 * @param orderId the shop platform's order id, unique within the brand
 * @param status what happened; each (orderId, status) is one fact
 * @param at when it happened
 * @param placedAt when the order was placed; required for PAID and REFUNDED, defaults to {@code at} for PLACED
 * @param amount the order amount (the refunded amount for REFUNDED), an exact decimal: a JSON number or string, bound
 *     straight into a {@link BigDecimal}, never through a double
 * @param currency must be {@code CNY}
 */
public record OrderRecord(
        @NotBlank @Size(max = 128) String orderId,
        @NotBlank @Size(max = 128) String shopId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull OrderStatus status,
        @NotNull OffsetDateTime at,
        OffsetDateTime placedAt,
        @NotNull @DecimalMin("0") BigDecimal amount,
        @NotBlank String currency) {}

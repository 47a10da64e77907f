package com.bpo.analytics.kpi.facts;

import com.bpo.contracts.commerce.OrderChanged;
import java.time.Instant;

/**
 * An order's statuses merged into one row, amounts as decimal text: the first delivery of each status wins, the shop,
 * customer and placedAt of any status agree.
 */
record OrderRow(
        String brandId,
        String orderId,
        String shopId,
        String customerId,
        Instant placedAt,
        String placed,
        String paid,
        String refunded) {

    static OrderRow of(OrderChanged order) {
        String amount = order.amount().toPlainString();
        return new OrderRow(
                order.brandId(),
                order.orderId(),
                order.shopId(),
                order.customerId(),
                order.placedAt(),
                switch (order.status()) {
                    case PLACED -> amount;
                    default -> null;
                },
                switch (order.status()) {
                    case PAID -> amount;
                    default -> null;
                },
                switch (order.status()) {
                    case REFUNDED -> amount;
                    default -> null;
                });
    }

    /** This row (delivered first) with the statuses of {@code later} that it lacks. */
    OrderRow merge(OrderRow later) {
        return new OrderRow(
                brandId,
                orderId,
                shopId,
                customerId,
                placedAt,
                placed != null ? placed : later.placed,
                paid != null ? paid : later.paid,
                refunded != null ? refunded : later.refunded);
    }
}

package com.bpo.analytics.commerce;

import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.kit.error.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rules of order and rating records that Bean Validation on single fields does not express. */
final class CommerceRules {

    /** The only currency taken: the KPIs add amounts, which is meaningless across currencies. */
    static final String CURRENCY = "CNY";

    /** At most this many decimal places (fen); more would be a fraction of the smallest coin. */
    static final int MAX_DECIMALS = 2;

    /** At most this many integer digits, as the contract's decimal strings allow. */
    static final int MAX_INTEGER_DIGITS = 15;

    // A currency code is short; a long text sent as one is not worth echoing.
    private static final int MAX_ECHOED_CURRENCY = 16;

    private CommerceRules() {}

    /** What is wrong with an order record that bound and passed Bean Validation; empty when nothing is. */
    static List<FieldError> orderErrors(OrderRecord order) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = order.amount();
        // Integer digits first: a huge exponent ("1e999999999") must not be expanded by any later step.
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            errors.add(FieldError.of("amount", "must have at most " + MAX_INTEGER_DIGITS + " integer digits"));
        } else if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.add(FieldError.of("amount", "must have at most " + MAX_DECIMALS + " decimal places"));
        }
        if (!CURRENCY.equals(order.currency())) {
            String sent = order.currency().length() <= MAX_ECHOED_CURRENCY ? order.currency() : null;
            errors.add(new FieldError(
                    "currency", "must be " + CURRENCY + ": amounts of other currencies are not taken", sent));
        }
        if (order.placedAt() == null) {
            if (order.status() != OrderStatus.PLACED) {
                errors.add(FieldError.of("placedAt", "required for status " + order.status()));
            }
        } else if (order.placedAt().toInstant().isAfter(order.at().toInstant())) {
            errors.add(FieldError.of("placedAt", "must not be after at"));
        }
        return errors;
    }

    /** When the order was placed: {@code placedAt}, or {@code at} for a PLACED record without it. */
    static Instant placedAt(OrderRecord order) {
        return (order.placedAt() != null ? order.placedAt() : order.at()).toInstant();
    }

    /** The amount as published: exact, with two decimal places ({@code 268} becomes {@code 268.00}). */
    static BigDecimal amount(OrderRecord order) {
        return order.amount().setScale(MAX_DECIMALS);
    }

    /** What is wrong with a rating record that bound and passed Bean Validation; empty when nothing is. */
    static List<FieldError> ratingErrors(RatingRecord rating) {
        // The rating contract (bpo.commerce.rating-received.v1) requires the rated order, so a rating without one
        // cannot be published.
        if (rating.orderId() == null) {
            return List.of(FieldError.of("orderId", "is required: a rating is published with the rated order"));
        }
        return List.of();
    }
}

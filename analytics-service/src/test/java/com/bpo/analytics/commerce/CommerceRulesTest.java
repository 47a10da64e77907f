package com.bpo.analytics.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.kit.error.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommerceRulesTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-06-18T09:30:00+08:00");

    private static OrderRecord order(OrderStatus status, OffsetDateTime placedAt, String amount, String currency) {
        return new OrderRecord("o-1", "shop-1", "c-1", status, AT, placedAt, new BigDecimal(amount), currency);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "268", "268.5", "268.50", "12.300", "999999999999999.99", "1E+2"})
    void amountsWithAtMostTwoDecimalPlacesAndFifteenIntegerDigitsAreTaken(String amount) {
        assertThat(CommerceRules.orderErrors(order(OrderStatus.PLACED, null, amount, "CNY")))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "12.345, must have at most 2 decimal places",
        "0.001, must have at most 2 decimal places",
        "1000000000000000, must have at most 15 integer digits",
        "1E+15, must have at most 15 integer digits",
        "1E+999999999, must have at most 15 integer digits"
    })
    void otherAmountsAreRejected(String amount, String message) {
        assertThat(CommerceRules.orderErrors(order(OrderStatus.PLACED, null, amount, "CNY")))
                .containsExactly(FieldError.of("amount", message));
    }

    @Test
    void publishedAmountHasTwoDecimalPlacesAndTheSameValue() {
        assertThat(CommerceRules.amount(order(OrderStatus.PLACED, null, "268", "CNY")))
                .hasToString("268.00");
        assertThat(CommerceRules.amount(order(OrderStatus.PLACED, null, "12.300", "CNY")))
                .hasToString("12.30");
        assertThat(CommerceRules.amount(order(OrderStatus.PLACED, null, "1E+2", "CNY")))
                .hasToString("100.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "cny", "RMB", ""})
    void currencyOtherThanCnyIsRejectedShowingWhatWasSent(String currency) {
        List<FieldError> errors = CommerceRules.orderErrors(order(OrderStatus.PLACED, null, "1", currency));

        assertThat(fields(errors)).containsExactly("currency");
        assertThat(errors.get(0).rejectedValue()).isEqualTo(currency);
    }

    @Test
    void placedRecordWithoutPlacedAtIsPlacedAtItsTime() {
        OrderRecord placed = order(OrderStatus.PLACED, null, "1", "CNY");

        assertThat(CommerceRules.orderErrors(placed)).isEmpty();
        assertThat(CommerceRules.placedAt(placed)).isEqualTo(Instant.parse("2026-06-18T01:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAID", "REFUNDED"})
    void paidAndRefundedRecordsNeedPlacedAt(OrderStatus status) {
        assertThat(CommerceRules.orderErrors(order(status, null, "1", "CNY")))
                .containsExactly(FieldError.of("placedAt", "required for status " + status));
        assertThat(CommerceRules.orderErrors(order(status, AT.minusHours(1), "1", "CNY")))
                .isEmpty();
    }

    @Test
    void orderCannotBePlacedAfterTheChange() {
        assertThat(fields(CommerceRules.orderErrors(order(OrderStatus.PAID, AT.plusSeconds(1), "1", "CNY"))))
                .containsExactly("placedAt");
        // The same instant written with another offset is not after it.
        assertThat(CommerceRules.orderErrors(
                        order(OrderStatus.PAID, OffsetDateTime.parse("2026-06-18T01:30:00Z"), "1", "CNY")))
                .isEmpty();
    }

    @Test
    void everyBrokenRuleOfARecordIsNamed() {
        assertThat(fields(CommerceRules.orderErrors(order(OrderStatus.REFUNDED, null, "1.234", "EUR"))))
                .containsExactly("amount", "currency", "placedAt");
    }

    @Test
    void ratingNeedsTheRatedOrder() {
        RatingRecord withoutOrder = new RatingRecord("r-1", "shop-1", "c-1", null, null, AT, 5L, 5L, 5L);
        RatingRecord withOrder = new RatingRecord("r-1", "shop-1", "c-1", "o-1", null, AT, 5L, 5L, 5L);

        assertThat(fields(CommerceRules.ratingErrors(withoutOrder))).containsExactly("orderId");
        assertThat(CommerceRules.ratingErrors(withOrder)).isEmpty();
    }
}

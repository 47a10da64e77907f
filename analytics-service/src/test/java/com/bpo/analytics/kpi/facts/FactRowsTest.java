package com.bpo.analytics.kpi.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.contracts.commerce.OrderChanged;
import com.bpo.contracts.commerce.OrderStatus;
import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Parts of one fact arriving in one batch merge like the upserts merge them across batches. */
class FactRowsTest {

    private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");

    @Test
    void orderStatusesMergeAndTheFirstDeliveryOfAStatusWins() {
        OrderRow refunded = OrderRow.of(order(OrderStatus.REFUNDED, "20.00"));
        OrderRow placed = OrderRow.of(order(OrderStatus.PLACED, "100.00"));
        OrderRow placedAgain = OrderRow.of(order(OrderStatus.PLACED, "999.00"));

        OrderRow merged = refunded.merge(placed).merge(placedAgain);

        assertThat(merged.placed()).isEqualTo("100.00");
        assertThat(merged.paid()).isNull();
        assertThat(merged.refunded()).isEqualTo("20.00");
    }

    @Test
    void aCallbackCompletedBeforeItsScheduleKeepsTheCompletion() {
        CallbackRow completed = CallbackRow.of(
                new CallbackCompleted("cb", "t", "b", "v", "u", "a2", null, AT, AT.minusSeconds(5), true));
        CallbackRow scheduled = CallbackRow.of(new CallbackScheduled("cb", "t", "b", "v", "u", "a1", AT, AT));

        for (CallbackRow merged : new CallbackRow[] {completed.merge(scheduled), scheduled.merge(completed)}) {
            assertThat(merged.completed()).isTrue();
            assertThat(merged.onTime()).isTrue();
            assertThat(merged.completedAgentId()).isEqualTo("a2");
            assertThat(merged.scheduledAgentId()).isEqualTo("a1");
        }
    }

    private static OrderChanged order(OrderStatus status, String amount) {
        return new OrderChanged("o", "b", "s", "u", status, AT, AT, new BigDecimal(amount), "CNY");
    }
}

package com.bpo.agent.call;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A stored call with its figures; seconds are whole seconds, rounded down. */
public record CallView(
        String brandId,
        String callId,
        String vendorId,
        String shopId,
        String customerId,
        String engagementId,
        String agentId,
        String direction,
        Instant offeredAt,
        Instant answeredAt,
        Instant endedAt,
        long waitSeconds,
        long talkSeconds,
        long holdSeconds,
        long wrapSeconds,
        boolean abandoned,
        String callbackOf) {

    static CallView of(Row row) {
        return new CallView(
                row.getString("brand_id"),
                row.getString("call_id"),
                row.getString("vendor_id"),
                row.getString("shop_id"),
                row.getString("customer_id"),
                row.getString("engagement_id"),
                row.getString("agent_id"),
                row.getString("direction"),
                instant(row.getOffsetDateTime("offered_at")),
                instant(row.getOffsetDateTime("answered_at")),
                instant(row.getOffsetDateTime("ended_at")),
                row.getLong("wait_seconds"),
                row.getLong("talk_seconds"),
                row.getLong("hold_seconds"),
                row.getLong("wrap_seconds"),
                row.getBoolean("abandoned"),
                row.getString("callback_of"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

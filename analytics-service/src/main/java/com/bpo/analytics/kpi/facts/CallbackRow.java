package com.bpo.analytics.kpi.facts;

import com.bpo.contracts.ticket.CallbackCompleted;
import com.bpo.contracts.ticket.CallbackScheduled;
import java.time.Instant;

/** A callback's scheduled and completed events merged into one row, in either order. */
record CallbackRow(
        String brandId,
        String callbackId,
        String vendorId,
        Instant dueAt,
        String scheduledAgentId,
        String completedAgentId,
        boolean completed,
        boolean onTime) {

    static CallbackRow of(CallbackScheduled scheduled) {
        return new CallbackRow(
                scheduled.brandId(),
                scheduled.callbackId(),
                scheduled.vendorId(),
                scheduled.dueAt(),
                scheduled.agentId(),
                null,
                false,
                false);
    }

    static CallbackRow of(CallbackCompleted completed) {
        return new CallbackRow(
                completed.brandId(),
                completed.callbackId(),
                completed.vendorId(),
                completed.dueAt(),
                null,
                completed.agentId(),
                true,
                completed.onTime());
    }

    /** The same merge as the upsert of {@code KpiFacts}: what this row has first, the completion once it exists. */
    CallbackRow merge(CallbackRow later) {
        return new CallbackRow(
                brandId,
                callbackId,
                vendorId != null ? vendorId : later.vendorId,
                dueAt,
                scheduledAgentId != null ? scheduledAgentId : later.scheduledAgentId,
                completed ? completedAgentId : later.completedAgentId,
                completed || later.completed,
                completed ? onTime : later.onTime);
    }
}

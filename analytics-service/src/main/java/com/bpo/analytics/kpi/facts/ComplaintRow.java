package com.bpo.analytics.kpi.facts;

import com.bpo.contracts.complaint.ComplaintFiled;
import com.bpo.contracts.complaint.ComplaintResolved;
import java.time.Instant;

/** A complaint's filed and resolved events merged into one row, in either order. */
record ComplaintRow(
        String brandId,
        String complaintId,
        String vendorId,
        String shopId,
        Instant filedAt,
        Instant resolvedAt,
        Boolean withinSla) {

    static ComplaintRow of(ComplaintFiled filed) {
        return new ComplaintRow(
                filed.brandId(), filed.complaintId(), filed.vendorId(), filed.shopId(), filed.filedAt(), null, null);
    }

    static ComplaintRow of(ComplaintResolved resolved) {
        return new ComplaintRow(
                resolved.brandId(),
                resolved.complaintId(),
                resolved.vendorId(),
                resolved.shopId(),
                resolved.filedAt(),
                resolved.resolvedAt(),
                resolved.withinSla());
    }

    /** The same merge as the upsert of {@code KpiFacts}: what this row has first, the resolution once it exists. */
    ComplaintRow merge(ComplaintRow later) {
        return new ComplaintRow(
                brandId,
                complaintId,
                vendorId != null ? vendorId : later.vendorId,
                shopId != null ? shopId : later.shopId,
                filedAt,
                resolvedAt != null ? resolvedAt : later.resolvedAt,
                withinSla != null ? withinSla : later.withinSla);
    }
}

package com.bpo.analytics.kpi.query;

import java.util.List;

/** Builds a family's aggregate statement from fixed pieces only: the group keys choose among whitelisted columns. */
final class KpiQueryBuilder {

    private KpiQueryBuilder() {}

    static String sql(Family family, List<GroupKey> groupBy) {
        StringBuilder sql =
                new StringBuilder(KpiSql.PREFIX).append(family.records()).append("select ");
        for (int i = 0; i < groupBy.size(); i++) {
            sql.append(groupBy.get(i).column()).append(" as k").append(i).append(", ");
        }
        for (String measure : family.measures()) {
            if (measure.equals("inquiring_customers")) {
                // Distinct (shop, customer, local day): a customer who asked twice that day counts once.
                sql.append("count(distinct r.customer_day)::numeric");
            } else {
                sql.append("coalesce(sum(r.").append(measure).append("), 0)::numeric");
            }
            sql.append(" as ").append(measure).append(", ");
        }
        sql.append(
                """
                array_agg(distinct r.variant) filter (where r.variant is not null) as variants,
                max(r.window_days) as window_days
                from recs r cross join p
                where r.bucket_at >= p.range_start and r.bucket_at < p.range_end
                  and (p.vendor is null or r.vendor = p.vendor)
                  and (p.agent is null or r.agent = p.agent)
                """);
        if (!groupBy.isEmpty()) {
            sql.append("group by ");
            for (int i = 0; i < groupBy.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(i + 1);
            }
            sql.append('\n');
        }
        // Without grouping an aggregate always yields one row; a row exists only for records.
        sql.append("having count(*) > 0");
        return sql.toString();
    }
}

package com.bpo.analytics.kpi.query;

import com.bpo.contracts.org.KpiVariants;
import java.util.List;

/**
 * The SQL of the KPI queries. Each family's records are a fixed statement over the fact tables that yields one row
 * per record with its group columns ({@code vendor, engagement, team, agent, shop, channel, bucket_at}), the variant
 * it is counted with and its measures; {@link KpiQueryBuilder} sums the measures per requested group. Organisation
 * lookups (engagement, variants, team) join the organisation copy as it is at query time, so a changed variant or a
 * late organisation event needs no recomputation. Text is ordered by code points ({@code collate "C"}).
 */
final class KpiSql {

    static final int DEFAULT_THRESHOLD = KpiVariants.DEFAULT_RESPONSE_THRESHOLD_SECONDS;
    static final int DEFAULT_WINDOW = KpiVariants.DEFAULT_CONVERSION_WINDOW_DAYS;
    static final String DEFAULT_ATTRIBUTION = KpiVariants.DEFAULT_ATTRIBUTION.name();
    static final int DEFAULT_SERVICE_LEVEL = KpiVariants.DEFAULT_SERVICE_LEVEL_SECONDS;
    static final int DEFAULT_ABANDON_SHORT = KpiVariants.DEFAULT_ABANDON_SHORT_SECONDS;

    /**
     * The parameters ({@code p}: $1 brand, $2..$3 the range, $4 the caller's vendor, $5 the caller's agent, $6 the
     * brand's time zone, $7..$8 the wider range conversion needs; $7 is the range's start when no silent-sales KPI is
     * asked) and the brand's engagements with their variants.
     */
    static final String PREFIX =
            """
            with p as (
                select $1::text as brand, $2::timestamptz as range_start, $3::timestamptz as range_end,
                       $4::text as vendor, $5::text as agent, $6::text as tz,
                       $7::timestamptz as buffer_start, $8::timestamptz as buffer_end
            ),
            eng as (
                select o.id as engagement_id, o.state->>'vendorId' as vendor_id,
                       coalesce(o.state->'shopIds', '[]'::jsonb) as shop_ids,
                       (o.state->'kpiVariants'->>'responseThresholdSeconds')::int as threshold,
                       (o.state->'kpiVariants'->>'conversionWindowDays')::int as window_days,
                       o.state->'kpiVariants'->>'attribution' as attribution,
                       (o.state->'kpiVariants'->>'serviceLevelSeconds')::int as service_level,
                       (o.state->'kpiVariants'->>'abandonShortSeconds')::int as abandon_short
                from kit_org_state o cross join p
                where o.kind = 'engagement' and o.brand_id = p.brand
            ),
            eng_by_shop as (
                select distinct on (e.vendor_id, s.shop_id) e.vendor_id, s.shop_id, e.engagement_id
                from eng e cross join lateral jsonb_array_elements_text(e.shop_ids) as s(shop_id)
                order by e.vendor_id, s.shop_id, e.engagement_id collate "C"
            ),
            eng_by_vendor as (
                select distinct on (e.vendor_id) e.vendor_id, e.engagement_id
                from eng e
                order by e.vendor_id, e.engagement_id collate "C"
            ),
            """;

    static final String CHAT =
            """
            recs as (
                select c.vendor_id as vendor, g.engagement_id as engagement, ta.state->>'teamId' as team,
                       c.responder_id as agent, c.shop_id as shop, c.channel, c.inquiry_at as bucket_at,
                       'threshold=' || %1$s || 's' as variant, null::int as window_days,
                       array[c.shop_id, c.customer_id, to_char(c.inquiry_at at time zone p.tz, 'YYYY-MM-DD')]
                           as customer_day,
                       1 as inquiries,
                       case when c.first_reply_at is not null then 1 else 0 end as answered,
                       case when c.first_reply_at is null then 1 else 0 end as unanswered,
                       coalesce(c.first_response_seconds, 0) as first_response_sum,
                       c.burst_count as bursts,
                       cardinality(c.burst_responses) as answered_bursts,
                       b.response_sum, b.within_threshold, b.slow_bursts
                from kpi_conversation c
                cross join p
                %2$s
                left join kit_org_state ta on ta.kind = 'agent' and ta.id = c.responder_id
                -- One pass over the burst responses for all three sums.
                cross join lateral (
                    select coalesce(sum(x), 0) as response_sum,
                           count(*) filter (where x <= %1$s) as within_threshold,
                           count(*) filter (where x > %1$s) as slow_bursts
                    from unnest(c.burst_responses) x
                ) b
                where c.brand_id = p.brand and c.inquiry_at >= p.range_start and c.inquiry_at < p.range_end
            )
            """
                    .formatted(
                            "coalesce(g.threshold, " + DEFAULT_THRESHOLD + ")",
                            engagementOf("g", "c.vendor_id", "c.shop_id"));

    /**
     * Cohort members (customer, shop, local day of inquiry) with their qualifying orders and credited reply, and the
     * paid orders with whether they are silent sales. Members and orders are read from a wider range than asked
     * (17 days before, up to 17 days after): an order can qualify for a member up to 15 days earlier. Only silent sales
     * need the members before the range; without a silent-sales KPI the statement reads from the range's start.
     */
    static final String CONVERSION =
            """
            inquiry as (
                select c.conversation_id, c.vendor_id, c.shop_id, c.customer_id, c.inquiry_at,
                       (c.inquiry_at at time zone p.tz)::date as day
                from kpi_conversation c cross join p
                where c.brand_id = p.brand and c.inquiry_at >= p.buffer_start and c.inquiry_at < p.range_end
            ),
            member as (
                select distinct on (i.shop_id, i.customer_id, i.day)
                       i.shop_id, i.customer_id, i.day, i.inquiry_at as t0, i.vendor_id as first_vendor
                from inquiry i
                order by i.shop_id, i.customer_id, i.day, i.inquiry_at, i.conversation_id collate "C"
            ),
            member_window as (
                select m.*, coalesce(g.window_days, %1$d) as window_days,
                       coalesce(g.attribution, '%2$s') as attribution,
                       ((m.day + coalesce(g.window_days, %1$d) + 1)::timestamp at time zone p.tz) as window_end
                from member m
                cross join p
                %3$s
            ),
            ord as (
                select o.order_id, o.shop_id, o.customer_id, o.placed_at, o.paid_amount is not null as paid,
                       coalesce(o.placed_amount, o.paid_amount, o.refunded_amount) - coalesce(o.refunded_amount, 0)
                           as net
                from kpi_order o cross join p
                where o.brand_id = p.brand and o.placed_at >= p.buffer_start and o.placed_at < p.buffer_end
            ),
            -- Per member, its orders in the window: one hash join over all members and orders (a lookup per
            -- member in the orders would scan them all for every member).
            member_orders as (
                select m.shop_id, m.customer_id, m.day, min(o.placed_at) as first_order_at,
                       count(*) filter (where o.paid) as paid_orders,
                       sum(o.net) filter (where o.paid) as paid_net
                from member_window m
                join ord o on o.shop_id = m.shop_id and o.customer_id = m.customer_id
                          and o.placed_at >= m.t0 and o.placed_at < m.window_end
                group by m.shop_id, m.customer_id, m.day
            ),
            -- Paid orders that qualify for at least one member, by the same join.
            qualifying as (
                select distinct o.order_id
                from ord o
                join member_window m on m.shop_id = o.shop_id and m.customer_id = o.customer_id
                                    and m.t0 <= o.placed_at and o.placed_at < m.window_end
                where o.paid
            ),
            -- Materialized: the planner, misjudging the member count, would otherwise run the team and engagement
            -- lookups once per member inside the reply look-up loop.
            credited as materialized (
                select m.*, mo.first_order_at, mo.paid_orders, mo.paid_net,
                       coalesce(cr.found, false) as found, cr.agent_id as credited_agent,
                       cr.vendor_id as credited_vendor
                from member_window m
                cross join p
                left join member_orders mo
                       on mo.shop_id = m.shop_id and mo.customer_id = m.customer_id and mo.day = m.day
                left join lateral (
                    select true as found, x.agent_id, x.vendor_id
                    from kpi_conversation xc
                    join kpi_message x on x.brand_id = xc.brand_id and x.conversation_id = xc.conversation_id
                    where xc.brand_id = p.brand and xc.shop_id = m.shop_id and xc.customer_id = m.customer_id
                      and x.sender = 'AGENT' and x.sent_at >= m.t0
                      and x.sent_at < coalesce(mo.first_order_at, m.window_end)
                    order by x.sent_at desc, x.message_id collate "C" desc limit 1
                ) cr on true
                where m.t0 >= p.range_start
            ),
            recs as (
                select k.vendor, g.engagement_id as engagement, ta.state->>'teamId' as team,
                       k.credited_agent as agent, k.shop_id as shop, 'CHAT' as channel, k.t0 as bucket_at,
                       'window=' || k.window_days || 'd,attribution=' || k.attribution as variant, k.window_days,
                       1 as members,
                       case when k.first_order_at is not null then 1 else 0 end as converted,
                       case when k.paid_orders > 0 then 1 else 0 end as paid_converted,
                       coalesce(k.paid_net, 0) as paid_net,
                       0 as paid_orders, 0 as silent, 0 as silent_amount
                from (select credited.*,
                             case when found then credited_vendor else first_vendor end as vendor
                      from credited) k
                cross join p
                %4$s
                left join kit_org_state ta on ta.kind = 'agent' and ta.id = k.credited_agent
                union all
                select null, null, null, null, o.shop_id, null, o.placed_at, null, null,
                       0, 0, 0, 0, 1,
                       case when q.order_id is not null then 0 else 1 end,
                       case when q.order_id is not null then 0 else o.net end
                from ord o
                cross join p
                left join qualifying q on q.order_id = o.order_id
                where o.paid and o.placed_at >= p.range_start and o.placed_at < p.range_end
            )
            """
                    .formatted(
                            DEFAULT_WINDOW,
                            DEFAULT_ATTRIBUTION,
                            engagementOf("g", "m.first_vendor", "m.shop_id"),
                            engagementOf("g", "k.vendor", "k.shop_id"));

    static final String RATINGS =
            """
            recs as (
                select c.vendor_id as vendor, g.engagement_id as engagement, ta.state->>'teamId' as team,
                       c.responder_id as agent, r.shop_id as shop, c.channel, r.rated_at as bucket_at,
                       null::text as variant, null::int as window_days,
                       1 as ratings, r.item_score as item_sum, r.service_score as service_sum,
                       r.logistics_score as logistics_sum,
                       case when c.conversation_id is not null then 1 else 0 end as linked,
                       case when c.conversation_id is not null and r.service_score >= 4 then 1 else 0 end as satisfied,
                       0 as closed, 0 as closed_rated
                from kpi_rating r
                cross join p
                left join kpi_conversation c
                       on c.brand_id = r.brand_id and c.conversation_id = r.conversation_id
                      and c.inquiry_at is not null
                %1$s
                left join kit_org_state ta on ta.kind = 'agent' and ta.id = c.responder_id
                where r.brand_id = p.brand and r.rated_at >= p.range_start and r.rated_at < p.range_end
                union all
                select c.vendor_id, g.engagement_id, ta.state->>'teamId', c.responder_id, c.shop_id, c.channel,
                       c.inquiry_at, null, null,
                       0, 0, 0, 0, 0, 0,
                       1,
                       case when exists (select 1 from kpi_rating r
                                         where r.brand_id = c.brand_id and r.conversation_id = c.conversation_id)
                            then 1 else 0 end
                from kpi_conversation c
                join kpi_conversation_closed k on k.brand_id = c.brand_id and k.conversation_id = c.conversation_id
                cross join p
                %1$s
                left join kit_org_state ta on ta.kind = 'agent' and ta.id = c.responder_id
                where c.brand_id = p.brand and c.inquiry_at >= p.range_start and c.inquiry_at < p.range_end
            )
            """
                    .formatted(engagementOf("g", "c.vendor_id", "c.shop_id"));

    static final String CALLS =
            """
            recs as (
                select k.vendor_id as vendor, g.engagement_id as engagement, ta.state->>'teamId' as team,
                       k.agent as agent, k.shop_id as shop, 'PHONE' as channel, k.offered_at as bucket_at,
                       case when k.direction = 'INBOUND'
                            then 'serviceLevel=' || %1$s || 's,abandonShort=' || %2$s || 's' end as variant,
                       null::int as window_days,
                       case when k.direction = 'INBOUND' then 1 else 0 end as inbound,
                       case when k.direction = 'INBOUND' and not k.abandoned then 1 else 0 end as inbound_answered,
                       case when k.direction = 'INBOUND' and k.abandoned then 1 else 0 end as inbound_abandoned,
                       case when k.direction = 'INBOUND' and not k.abandoned then k.wait_seconds else 0 end as wait_sum,
                       case when k.direction = 'INBOUND' and not k.abandoned and k.wait_seconds <= %1$s
                            then 1 else 0 end as within_service_level,
                       case when k.direction = 'INBOUND' and not (k.abandoned and k.wait_seconds <= %2$s)
                            then 1 else 0 end as service_level_base,
                       case when not k.abandoned then k.talk_seconds + k.hold_seconds + k.wrap_seconds else 0 end
                           as handle_sum,
                       case when not k.abandoned then 1 else 0 end as answered
                from (select c.*, case when c.abandoned then null else c.agent_id end as agent from kpi_call c) k
                cross join p
                %3$s
                left join kit_org_state ta on ta.kind = 'agent' and ta.id = k.agent
                where k.brand_id = p.brand and k.offered_at >= p.range_start and k.offered_at < p.range_end
            )
            """
                    .formatted(
                            "coalesce(g.service_level, " + DEFAULT_SERVICE_LEVEL + ")",
                            "coalesce(g.abandon_short, " + DEFAULT_ABANDON_SHORT + ")",
                            engagementOf("g", "k.vendor_id", "k.shop_id"));

    static final String CALLBACKS =
            """
            recs as (
                select k.vendor_id as vendor, g.engagement_id as engagement, ta.state->>'teamId' as team,
                       k.agent as agent, null::text as shop, null::text as channel, k.due_at as bucket_at,
                       null::text as variant, null::int as window_days,
                       1 as callbacks,
                       case when k.completed and k.on_time then 1 else 0 end as on_time
                from (select b.*, coalesce(b.completed_agent_id, b.scheduled_agent_id) as agent
                      from kpi_callback b) k
                cross join p
                %1$s
                left join kit_org_state ta on ta.kind = 'agent' and ta.id = k.agent
                where k.brand_id = p.brand and k.due_at >= p.range_start and k.due_at < p.range_end
            )
            """
                    .formatted(engagementOf("g", "k.vendor_id", "null::text"));

    static final String COMPLAINTS =
            """
            recs as (
                select k.vendor_id as vendor, g.engagement_id as engagement, null::text as team, null::text as agent,
                       k.shop_id as shop, null::text as channel, k.filed_at as bucket_at,
                       null::text as variant, null::int as window_days,
                       1 as complaints,
                       case when k.resolved_at is not null then 1 else 0 end as resolved,
                       case when k.resolved_at is not null
                            then floor(floor(extract(epoch from (k.resolved_at - k.filed_at))) / 60) else 0 end
                           as resolution_minutes,
                       case when k.resolved_at is not null and k.within_sla then 1 else 0 end as within_sla
                from kpi_complaint k
                cross join p
                %1$s
                where k.brand_id = p.brand and k.filed_at >= p.range_start and k.filed_at < p.range_end
            )
            """
                    .formatted(engagementOf("g", "k.vendor_id", "k.shop_id"));

    static final String QA =
            """
            recs as (
                select k.vendor_id as vendor, g.engagement_id as engagement, ta.state->>'teamId' as team,
                       k.agent_id as agent, null::text as shop,
                       case k.subject_type when 'CONVERSATION' then 'CHAT' else 'PHONE' end as channel,
                       k.evaluated_at as bucket_at, null::text as variant, null::int as window_days,
                       1 as evaluations, k.score as score_sum, case when k.passed then 0 else 1 end as failed
                from kpi_evaluation k
                cross join p
                %1$s
                left join kit_org_state ta on ta.kind = 'agent' and ta.id = k.agent_id
                where k.brand_id = p.brand and k.evaluated_at >= p.range_start and k.evaluated_at < p.range_end
            )
            """
                    .formatted(engagementOf("g", "k.vendor_id", "null::text"));

    /** The group columns of {@code recs}, by group key; the time keys are rendered in the brand's zone. */
    static final List<String> GROUP_COLUMNS = List.of(
            "p.brand",
            "r.vendor",
            "r.engagement",
            "r.team",
            "r.agent",
            "r.shop",
            "r.channel",
            "to_char(r.bucket_at at time zone p.tz, 'YYYY-MM-DD\"T\"HH24:00')",
            "to_char(r.bucket_at at time zone p.tz, 'YYYY-MM-DD')");

    private KpiSql() {}

    /**
     * engagement(brand, vendor, shop): of the brand's engagements with that vendor, the smallest id whose shops
     * contain the shop, else the smallest id; none when there is no such engagement or the vendor is null. Three hash
     * joins on the two small look-ups of the prefix, not a sorted sub-select per record.
     */
    private static String engagementOf(String alias, String vendor, String shop) {
        return """
                left join eng_by_shop %1$s_shop on %1$s_shop.vendor_id = %2$s and %1$s_shop.shop_id = %3$s
                left join eng_by_vendor %1$s_vendor on %1$s_vendor.vendor_id = %2$s
                left join eng %1$s on %1$s.engagement_id = coalesce(%1$s_shop.engagement_id, %1$s_vendor.engagement_id)"""
                .formatted(alias, vendor, shop);
    }
}

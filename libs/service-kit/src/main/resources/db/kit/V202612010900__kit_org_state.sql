-- Local copy of the organisation on org.events: the current state of every brand, shop, vendor, team, agent and
-- engagement, as published. Services join it in SQL (a brand's time zone, an engagement's KPI variants, an agent's
-- team) instead of asking agent-service per event.
-- Platform data like kit_engagement, no row-level security: vendors, teams and agents belong to no brand, and the
-- copy is read to resolve scopes and KPI groups before (or across) any one brand's scope. Services never return its
-- rows as they are; what a caller sees goes through its scope check.
create table kit_org_state (
    -- The key prefix of org.events: brand | shop | vendor | team | agent | engagement.
    kind text not null,
    -- brandId, shopId, vendorId, teamId, agentId or engagementId.
    id text not null,
    -- Set for brand, shop and engagement.
    brand_id text,
    -- Set for vendor, team, agent and engagement.
    vendor_id text,
    -- The event payload exactly as published (EventJson: camelCase fields, absent values left out).
    state jsonb not null,
    active boolean not null,
    -- Event time (ce_time, else the broker timestamp) of the stored state: an older state is a replay and is ignored.
    state_time timestamptz not null,
    event_id text not null,
    updated_at timestamptz not null default now(),
    primary key (kind, id),
    constraint kit_org_state_kind check (kind in ('brand', 'shop', 'vendor', 'team', 'agent', 'engagement'))
);

create index kit_org_state_by_brand on kit_org_state (kind, brand_id);
create index kit_org_state_by_vendor on kit_org_state (kind, vendor_id);

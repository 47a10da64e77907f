-- Local copy of the engagements published on org.events: which vendor serves which brand, and when.
-- Platform data, read to decide a vendor principal's scope before any brand scope exists: no row-level security.
create table kit_engagement (
    engagement_id text primary key,
    brand_id text not null,
    vendor_id text not null,
    active boolean not null,
    valid_from timestamptz,
    valid_to timestamptz,
    -- Event time (ce_time) of the state stored here: a state older than this one is a replay and is ignored.
    state_time timestamptz not null,
    event_id text not null,
    updated_at timestamptz not null default now()
);

create index kit_engagement_active_by_vendor on kit_engagement (vendor_id, brand_id) where active;

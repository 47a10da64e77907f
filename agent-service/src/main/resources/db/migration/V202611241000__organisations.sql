-- The organisation: brands and their shops and engagements (tenant tables, isolated by row-level security), and the
-- vendor side (vendors, teams, agents). Vendor-side rows carry no brand: a vendor serves several brands, so they are
-- scoped in code by vendor id (TenantScope.vendorId) instead of by the brand setting.

create table brand (
    id text primary key,
    -- Same value as id: the kit's isolation policy keys on a brand_id column.
    brand_id text not null check (brand_id = id),
    name text not null,
    time_zone text not null,
    active boolean not null,
    version bigint not null
);
call kit_enable_tenant_isolation('brand');

create table shop (
    id text primary key,
    brand_id text not null references brand (id),
    platform text not null,
    name text not null,
    external_shop_id text,
    active boolean not null,
    version bigint not null
);
create index shop_by_brand on shop (brand_id);
call kit_enable_tenant_isolation('shop');

create table vendor (
    id text primary key,
    name text not null,
    active boolean not null,
    version bigint not null
);

create table team (
    id text primary key,
    vendor_id text not null references vendor (id),
    name text not null,
    active boolean not null,
    version bigint not null
);
create index team_by_vendor on team (vendor_id);

create table agent (
    id text primary key,
    vendor_id text not null references vendor (id),
    team_id text not null references team (id),
    -- The Keycloak user id (token subject) or username; one agent per person.
    user_id text not null unique,
    display_name text not null,
    skills text[] not null,
    max_concurrency integer not null check (max_concurrency between 1 and 100),
    active boolean not null,
    version bigint not null
);
create index agent_by_vendor on agent (vendor_id);

create table engagement (
    id text primary key,
    brand_id text not null references brand (id),
    vendor_id text not null references vendor (id),
    shop_ids text[] not null,
    channels text[] not null,
    roles text[] not null,
    -- {"windows": [{days, opensAt, closesAt}]}: weekly windows in time_zone, as in the EngagementChanged contract.
    service_hours jsonb not null,
    time_zone text not null,
    -- SlaTargets of the contract; every target optional.
    sla_targets jsonb not null,
    response_threshold_seconds integer not null check (response_threshold_seconds between 1 and 3600),
    conversion_window_days integer not null check (conversion_window_days between 0 and 14),
    attribution text not null,
    service_level_seconds integer not null check (service_level_seconds between 1 and 3600),
    abandon_short_seconds integer not null check (abandon_short_seconds between 0 and 3600),
    valid_from timestamptz,
    valid_to timestamptz,
    active boolean not null,
    version bigint not null,
    check (valid_to is null or valid_from is null or valid_to > valid_from)
);
create index engagement_by_vendor on engagement (vendor_id);
-- At most one active engagement per brand and vendor: its KPI variants are the vendor's yardstick for that brand.
create unique index engagement_one_active_per_brand_vendor on engagement (brand_id, vendor_id) where active;
call kit_enable_tenant_isolation('engagement');

-- State of the outbox tests' demo application: a ticket whose opening is published through the outbox.
create table outbox_demo_ticket (
    id text primary key,
    brand_id text not null,
    type text not null,
    opened_at timestamptz not null default now()
);

-- Effect of the demo consumer of the relayed ticket events: how often each event was applied.
create table outbox_demo_applied (
    event_id text primary key,
    applications integer not null
);

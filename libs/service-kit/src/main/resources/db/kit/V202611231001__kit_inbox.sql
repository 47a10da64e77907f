-- Idempotent consumption (ARCHITECTURE section 4): the ids of the events each consumer has applied, written in the
-- same transaction as the effect, so that a re-delivered event is applied once.
-- Platform plumbing without tenant data: no row-level security.
create table kit_inbox (
    consumer text not null,
    event_id text not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Ids are forgotten once past their retention.
create index kit_inbox_processed_at on kit_inbox (processed_at);

comment on table kit_inbox is 'Event ids (ce_id) applied by each consumer; a row means the effect is committed.';

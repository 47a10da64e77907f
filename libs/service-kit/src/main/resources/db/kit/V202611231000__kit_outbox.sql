-- Transactional outbox (ARCHITECTURE section 4): a service writes its events here in the same transaction as the
-- state change they describe; the outbox relay publishes committed rows in id order and marks them sent.
-- Platform plumbing, never exposed through an API: no row-level security. brand_id is empty only for
-- vendor-level organisation events.
create table kit_outbox (
    id bigint generated always as identity primary key,
    event_id text not null unique,
    topic text not null,
    message_key text not null,
    ce_type text not null,
    ce_source text not null,
    ce_subject text,
    ce_time timestamptz,
    brand_id text,
    vendor_id text,
    payload bytea not null,
    -- Extra Kafka headers carried as they are, e.g. {"traceparent": "00-..."}.
    headers jsonb not null default '{}',
    created_at timestamptz not null default now(),
    sent_at timestamptz
);

-- The relay reads only unsent rows, oldest first; the index stays as small as the backlog.
create index kit_outbox_unsent on kit_outbox (id) where sent_at is null;

-- Sent rows are deleted once past their retention.
create index kit_outbox_sent_at on kit_outbox (sent_at) where sent_at is not null;

comment on table kit_outbox is 'Events waiting to be published (sent_at null) and recently published ones.';

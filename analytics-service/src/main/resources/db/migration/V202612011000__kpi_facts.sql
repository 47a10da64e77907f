-- KPI facts: one row per natural key of every fact the KPIs are computed from (see docs/kpi-api.md). KPIs are
-- aggregated from these rows at query time, so a late or repeated event only ever changes its own row.
-- Every key starts with brand_id (ids are unique only within a brand); every table is a tenant table.

-- Chat messages without their text: the conversation facts and the credited reply of conversion read them.
create table kpi_message (
    brand_id text not null,
    message_id text not null,
    conversation_id text not null,
    vendor_id text,
    shop_id text,
    channel text not null,
    customer_id text,
    sender text not null,
    agent_id text,
    sent_at timestamptz not null,
    primary key (brand_id, message_id)
);
create index kpi_message_by_conversation on kpi_message (brand_id, conversation_id);
call kit_enable_tenant_isolation('kpi_message');

-- What a conversation's messages give, recomputed from all of its stored messages whenever a batch touches it, so a
-- late or out-of-order message gives the same row as in-order delivery. Vendor, shop, channel and customer are those
-- of the earliest message.
create table kpi_conversation (
    brand_id text not null,
    conversation_id text not null,
    vendor_id text,
    shop_id text,
    channel text not null,
    customer_id text,
    -- The first customer message; null: no customer message, the conversation is in no KPI.
    inquiry_at timestamptz,
    first_reply_at timestamptz,
    first_response_seconds bigint,
    -- The agent of the first reply.
    responder_id text,
    -- All bursts of customer messages, and the response seconds of the answered ones (in message order).
    burst_count integer not null,
    burst_responses bigint[] not null,
    primary key (brand_id, conversation_id)
);
create index kpi_conversation_by_inquiry on kpi_conversation (brand_id, inquiry_at) where inquiry_at is not null;
create index kpi_conversation_by_customer on kpi_conversation (brand_id, shop_id, customer_id, inquiry_at);
call kit_enable_tenant_isolation('kpi_conversation');

create table kpi_conversation_closed (
    brand_id text not null,
    conversation_id text not null,
    primary key (brand_id, conversation_id)
);
call kit_enable_tenant_isolation('kpi_conversation_closed');

-- An order with its statuses merged: the first delivery of each status wins.
create table kpi_order (
    brand_id text not null,
    order_id text not null,
    shop_id text not null,
    customer_id text not null,
    placed_at timestamptz not null,
    placed_amount numeric,
    paid_amount numeric,
    refunded_amount numeric,
    primary key (brand_id, order_id)
);
create index kpi_order_by_customer on kpi_order (brand_id, shop_id, customer_id, placed_at);
create index kpi_order_by_placed on kpi_order (brand_id, placed_at);
call kit_enable_tenant_isolation('kpi_order');

create table kpi_rating (
    brand_id text not null,
    rating_id text not null,
    shop_id text not null,
    conversation_id text,
    rated_at timestamptz not null,
    item_score integer not null,
    service_score integer not null,
    logistics_score integer not null,
    primary key (brand_id, rating_id)
);
create index kpi_rating_by_time on kpi_rating (brand_id, rated_at);
create index kpi_rating_by_conversation on kpi_rating (brand_id, conversation_id);
call kit_enable_tenant_isolation('kpi_rating');

create table kpi_call (
    brand_id text not null,
    call_id text not null,
    vendor_id text,
    shop_id text,
    agent_id text,
    direction text not null,
    offered_at timestamptz not null,
    abandoned boolean not null,
    wait_seconds bigint not null,
    talk_seconds bigint not null,
    hold_seconds bigint not null,
    wrap_seconds bigint not null,
    primary key (brand_id, call_id)
);
create index kpi_call_by_time on kpi_call (brand_id, offered_at);
call kit_enable_tenant_isolation('kpi_call');

-- A callback with its scheduled and completed events merged (either may arrive first).
create table kpi_callback (
    brand_id text not null,
    callback_id text not null,
    vendor_id text,
    due_at timestamptz not null,
    scheduled_agent_id text,
    completed_agent_id text,
    completed boolean not null,
    on_time boolean not null,
    primary key (brand_id, callback_id)
);
create index kpi_callback_by_time on kpi_callback (brand_id, due_at);
call kit_enable_tenant_isolation('kpi_callback');

-- A complaint with its filed and resolved events merged (either may arrive first).
create table kpi_complaint (
    brand_id text not null,
    complaint_id text not null,
    vendor_id text,
    shop_id text,
    filed_at timestamptz not null,
    resolved_at timestamptz,
    within_sla boolean,
    primary key (brand_id, complaint_id)
);
create index kpi_complaint_by_time on kpi_complaint (brand_id, filed_at);
call kit_enable_tenant_isolation('kpi_complaint');

create table kpi_evaluation (
    brand_id text not null,
    evaluation_id text not null,
    vendor_id text,
    agent_id text,
    subject_type text not null,
    score numeric not null,
    passed boolean not null,
    evaluated_at timestamptz not null,
    primary key (brand_id, evaluation_id)
);
create index kpi_evaluation_by_time on kpi_evaluation (brand_id, evaluated_at);
call kit_enable_tenant_isolation('kpi_evaluation');

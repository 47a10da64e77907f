-- Conversations, messages and calls, built from the service's own topics (chat.events, call.events and the internal
-- agent.message-originals), and customer profiles with their personal data encrypted. Every table is a tenant table:
-- ids come from the brands' platforms and are unique only within a brand, so every key starts with brand_id.

create table conversation (
    brand_id text not null,
    conversation_id text not null,
    vendor_id text not null,
    shop_id text not null,
    channel text not null,
    customer_id text not null,
    engagement_id text,
    -- The earliest and latest sentAt of the messages stored so far (messages may arrive out of order).
    started_at timestamptz not null,
    last_message_at timestamptz not null,
    customer_messages integer not null,
    agent_messages integer not null,
    bot_messages integer not null,
    status text not null check (status in ('OPEN', 'CLOSED')),
    closed_at timestamptz,
    closed_by text,
    -- How many times ConversationClosed was published: a message arriving after the close is stored, and the facts
    -- are published again with the next revision (a new event id), so consumers always end with the complete facts.
    facts_revision integer not null default 0,
    facts_stale boolean not null default false,
    first_response_seconds bigint,
    bursts integer,
    answered_bursts integer,
    slow_bursts integer,
    total_response_seconds bigint,
    response_threshold_seconds integer,
    last_agent_id text,
    primary key (brand_id, conversation_id)
);
create index conversation_by_start on conversation (brand_id, started_at desc, conversation_id);
create index conversation_open_by_activity on conversation (last_message_at) where status = 'OPEN';
create index conversation_stale on conversation (brand_id, conversation_id) where facts_stale;
create index conversation_by_customer on conversation (brand_id, customer_id);
call kit_enable_tenant_isolation('conversation');

-- The agents who wrote in a conversation: an agent's open conversations, and whom an agent may reveal.
create table conversation_agent (
    brand_id text not null,
    conversation_id text not null,
    agent_id text not null,
    first_message_at timestamptz not null,
    primary key (brand_id, conversation_id, agent_id)
);
create index conversation_agent_by_agent on conversation_agent (agent_id, brand_id);
call kit_enable_tenant_isolation('conversation_agent');

create table message (
    brand_id text not null,
    message_id text not null,
    conversation_id text not null,
    vendor_id text not null,
    shop_id text not null,
    customer_id text not null,
    sender text not null check (sender in ('CUSTOMER', 'AGENT', 'BOT')),
    agent_id text,
    sent_at timestamptz not null,
    -- The text as published on chat.events, personal data masked; the original is in message_original.
    redacted_text text not null,
    redacted boolean not null,
    primary key (brand_id, message_id)
);
create index message_by_conversation on message (brand_id, conversation_id, sent_at, message_id);
call kit_enable_tenant_isolation('message');

-- The original text of messages whose text was redacted, encrypted with the brand's key; read only by the audited
-- reveal. Messages without anything to redact have no row: their original is their published text.
create table message_original (
    brand_id text not null,
    message_id text not null,
    text_ciphertext bytea not null,
    primary key (brand_id, message_id)
);
call kit_enable_tenant_isolation('message_original');

create table call (
    brand_id text not null,
    call_id text not null,
    vendor_id text not null,
    shop_id text,
    customer_id text,
    engagement_id text,
    agent_id text,
    direction text not null check (direction in ('INBOUND', 'OUTBOUND', 'CALLBACK')),
    offered_at timestamptz not null,
    answered_at timestamptz,
    ended_at timestamptz not null,
    wait_seconds bigint not null,
    talk_seconds bigint not null,
    hold_seconds bigint not null,
    wrap_seconds bigint not null,
    abandoned boolean not null,
    callback_of text,
    primary key (brand_id, call_id)
);
create index call_by_offer on call (brand_id, offered_at desc, call_id);
create index call_by_customer on call (brand_id, customer_id);
call kit_enable_tenant_isolation('call');

-- A customer's personal data, each field encrypted with the brand's key (AES-GCM, brand and field bound as AAD).
create table customer (
    brand_id text not null,
    customer_id text not null,
    name_ciphertext bytea,
    phone_ciphertext bytea,
    address_ciphertext bytea,
    buyer_nick_ciphertext bytea,
    updated_at timestamptz not null,
    version bigint not null,
    primary key (brand_id, customer_id)
);
call kit_enable_tenant_isolation('customer');

-- A tenant table of the test application, declared the way a service declares its own.
create table tenant_note (
    id text primary key,
    brand_id text not null,
    vendor_id text,
    agent_id text,
    body text not null
);

create index tenant_note_by_brand on tenant_note (brand_id);

call kit_enable_tenant_isolation('tenant_note');

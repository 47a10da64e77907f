-- Effect of the batch consumer tests' demo consumers: how often each event was applied, and from where. A tenant
-- table, so the tests also show that a batch's transaction sees and writes the rows of every brand.
create table consumer_demo_applied (
    consumer text not null,
    event_id text not null,
    brand_id text not null,
    record_topic text not null,
    record_partition integer not null,
    record_offset bigint not null,
    applications integer not null,
    primary key (consumer, event_id)
);

call kit_enable_tenant_isolation('consumer_demo_applied');

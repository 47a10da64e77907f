-- Idempotent batch consumption (ARCHITECTURE section 4): the next offset each batch consumer reads from every
-- partition, written in the same transaction as the effects of the records before it, so that each record's effect
-- commits once. The consumer seeks to these offsets when it is assigned a partition.
-- Platform plumbing without tenant data: no row-level security.
create table kit_consumer_offset (
    consumer text not null,
    topic text not null,
    partition integer not null,
    next_offset bigint not null,
    updated_at timestamptz not null default now(),
    primary key (consumer, topic, partition)
);

comment on table kit_consumer_offset is
    'Next offset per batch consumer and partition; a row means every record before it is applied or dead-lettered.';

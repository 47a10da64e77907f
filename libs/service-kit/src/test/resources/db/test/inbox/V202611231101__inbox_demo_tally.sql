-- Effect of the inbox tests' demo consumers: how often each event was applied.
create table inbox_demo_tally (
    event_id text primary key,
    applications integer not null
);

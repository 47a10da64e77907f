-- A stored message is keyed by brand, conversation and message id, so that one index both refuses a repeated
-- delivery and serves every look-up by conversation (the facts' read-back of a conversation's messages and
-- conversion's credited reply). Each message then writes one index entry instead of two; the message insert was
-- PostgreSQL's largest cost while applying events. A message id is unique within its brand and agent-service
-- publishes a message with the conversation it was first stored in, so the wider key refuses the same repeats.
alter table kpi_message drop constraint kpi_message_pkey;
drop index kpi_message_by_conversation;
alter table kpi_message add primary key (brand_id, conversation_id, message_id);

-- A conversation's row is rewritten whenever a batch brings it messages; room on each page lets PostgreSQL keep the
-- new version on the same page without new index entries (a HOT update) when no indexed column changed.
alter table kpi_conversation set (fillfactor = 80);

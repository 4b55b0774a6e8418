-- The loop breaker counts a sender's recent mail on a server for every email it judges. Counted by lower(sender), no
-- index could serve it, so each email scanned all mail of the window: quadratic in a burst. The key is stored instead.
alter table inbound_email add column sender_key varchar(320);
update inbound_email set sender_key = lower(trim(sender)) where sender is not null;
create index ix_inbound_email_sender on inbound_email (server_id, sender_key, received_at);

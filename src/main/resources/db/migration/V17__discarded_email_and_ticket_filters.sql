-- An admin can discard an email the intake could not finish (a poison message): it is never judged again and, being
-- still stored, never fetched again either (POP3 recognizes mail by its stored UIDL).
alter table inbound_email drop constraint ck_inbound_email_state;
alter table inbound_email add constraint ck_inbound_email_state
    check (state in ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED', 'OVERSIZED', 'UNREADABLE', 'DISCARDED'));

-- The Tickets list filters by technician group and category, newest first.
create index ix_ticket_group_created on ticket (technician_group_id, created_at);
create index ix_ticket_category_created on ticket (category_id, created_at);

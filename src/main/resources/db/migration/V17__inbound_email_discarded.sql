-- An admin can discard an email the intake could not finish (a poison message): it is never judged again and, being
-- still stored, never fetched again either (POP3 recognizes mail by its stored UIDL).
alter table inbound_email drop constraint ck_inbound_email_state;
alter table inbound_email add constraint ck_inbound_email_state
    check (state in ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED', 'OVERSIZED', 'UNREADABLE', 'DISCARDED'));

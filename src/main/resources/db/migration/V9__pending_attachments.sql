-- Attachments larger than mailroom.intake.attachments.inline-limit are recorded PENDING with the ticket and stored
-- later from the raw email by the attachment worker. The PENDING rows are the queue: where the bytes are (the inbound
-- email and its MIME part number), how many attempts were made, when the next is due, and why the last one failed.
alter table attachment add column inbound_email_id bigint;
alter table attachment add column source_part varchar(200);
alter table attachment add column attempts integer default 0 not null;
alter table attachment add column next_attempt_at timestamp with time zone;
alter table attachment add column last_error varchar(2000);
create index ix_attachment_due on attachment (state, next_attempt_at);

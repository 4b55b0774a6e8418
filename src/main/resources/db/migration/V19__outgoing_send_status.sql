-- Outgoing failures visible within seconds. Runs unchanged on H2 and PostgreSQL.

-- The last outcome of sending through each outgoing server, written by whichever node sent, so every node's server
-- list and GET /api/outgoing-servers show it: "failing" while the last error is newer than the last success.
alter table outgoing_server add column last_sent_at timestamp with time zone;
alter table outgoing_server add column last_send_error varchar(2000);
alter table outgoing_server add column last_send_error_at timestamp with time zone;

-- The SEND_DEFERRED audit entry of an email's current run of temporary failures: later failures are counted on it
-- instead of writing one entry per retry. Cleared when the email is done or an admin retries it.
alter table outbox_email add column deferred_audit_id bigint;

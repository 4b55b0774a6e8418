-- When the current retry window of an outbox email began: its creation, or the admin's last "retry" of it.
-- NULL means the email was never retried by hand; the window then starts at created_at.
alter table outbox_email add column retry_since timestamp with time zone;

-- Microsoft Graph ("MAPI"): mailboxes read through Graph, outgoing servers that send through Graph, and the Graph
-- delta link that marks how far a mailbox has been read. Runs unchanged on H2 and PostgreSQL.

alter table incoming_server drop constraint ck_incoming_server_protocol;
alter table incoming_server add constraint ck_incoming_server_protocol check (protocol in ('IMAP', 'POP3', 'GRAPH'));

-- Graph's deltaLink (an opaque URL) once every message listed before it is committed; null for IMAP and POP3.
alter table mailbox_state add column remote_cursor varchar(8000);

alter table outgoing_server add column transport varchar(10) default 'SMTP' not null;
alter table outgoing_server add constraint ck_outgoing_server_transport check (transport in ('SMTP', 'GRAPH'));

-- Notifications: admins' overrides of the shipped templates, tickets made from automatic mail, and addresses that
-- must not be mailed. Runs unchanged on H2 and PostgreSQL.

-- One row per kind an admin changed; a kind without a row uses the default shipped in notifications/<kind>/.
create table notification_template (
    kind       varchar(40)   not null primary key,
    enabled    boolean       not null,
    subject    varchar(2000) not null,
    body_text  text          not null,
    body_html  text          not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(100),
    constraint ck_notification_template_kind check (kind in ('ACKNOWLEDGMENT', 'TECHNICIAN_REPLY', 'TICKET_RESOLVED'))
);

-- A ticket made from automatic mail (auto-reply, bounce, list mail), in words: no automatic notification about it.
create table ticket_automatic_origin (
    ticket_id   bigint        not null primary key references ticket (id) on delete cascade,
    description varchar(400)  not null
);

-- Addresses mail must not go to (a later bounce handler marks undeliverable ones); address_key is the lower case.
create table recipient_suppression (
    address_key varchar(320)  not null primary key,
    address     varchar(320)  not null,
    reason      varchar(1000) not null,
    created_at  timestamp with time zone not null
);

-- Email Preference: desk-wide switches the intake reads at each email's arrival. One row; version counts changes,
-- so an audit trace can say which configuration an email was judged under.
create table email_preference (
    id                     integer primary key,
    guest_ticket_creation  boolean not null,
    use_reply_to_address   boolean not null,
    email_to_request       boolean not null,
    version                integer not null,
    updated_at             timestamp with time zone not null,
    updated_by             varchar(100),
    constraint ck_email_preference_single check (id = 1)
);
insert into email_preference (id, guest_ticket_creation, use_reply_to_address, email_to_request, version, updated_at)
values (1, true, false, true, 1, current_timestamp);

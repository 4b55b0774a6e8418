-- OAuth 2.0 sign-in (XOAUTH2) of Incoming and Outgoing Email Servers. Runs unchanged on H2 and PostgreSQL.

-- One row per server that signs in with OAuth 2.0: the FAQ's fields (Client ID, Client Secret, Authorization URL,
-- Token URL, Scope, Redirect URL) and the tokens. Secrets are AES-GCM "v1:<base64>" (dev.mailroom.secrets.SecretBox).
create table oauth_client (
    server_kind                 varchar(10)   not null,
    server_id                   bigint        not null,
    provider                    varchar(30)   not null,
    grant_type                  varchar(30)   not null,
    client_id                   varchar(500)  not null,
    client_secret_encrypted     varchar(4000),
    client_secret_expires_on    date,
    authorization_url           varchar(2000),
    token_url                   varchar(2000) not null,
    scope                       varchar(2000) not null,
    redirect_url                varchar(2000),
    access_token_encrypted      varchar(20000),
    access_token_expires_at     timestamp with time zone,
    refresh_token_encrypted     varchar(20000),
    -- when the refresh token was last issued or used with success: a provider drops one left unused too long
    refresh_token_used_at       timestamp with time zone,
    authorized_at               timestamp with time zone,
    authorized_by               varchar(200),
    last_refresh_at             timestamp with time zone,
    last_refresh_failed_at      timestamp with time zone,
    last_refresh_error          varchar(2000),
    reauthorization_needed      boolean       not null,
    reauthorization_reason      varchar(2000),
    -- the warnings last audited, so each is written once until it changes
    warnings                    varchar(4000),
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null,
    primary key (server_kind, server_id),
    constraint ck_oauth_client_kind check (server_kind in ('INCOMING', 'OUTGOING')),
    constraint ck_oauth_client_grant check (grant_type in ('AUTHORIZATION_CODE', 'CLIENT_CREDENTIALS'))
);

-- Authorizations started and not completed yet: the state (only its SHA-256) and the PKCE verifier, used once.
create table oauth_authorization_request (
    state_hash              varchar(64)   primary key,
    server_kind             varchar(10)   not null,
    server_id               bigint        not null,
    code_verifier_encrypted varchar(1000) not null,
    requested_by            varchar(200),
    created_at              timestamp with time zone not null,
    expires_at              timestamp with time zone not null
);

alter table outgoing_server drop constraint ck_outgoing_server_authentication;
alter table outgoing_server add constraint ck_outgoing_server_authentication
    check (authentication in ('NONE', 'PASSWORD', 'OAUTH2'));

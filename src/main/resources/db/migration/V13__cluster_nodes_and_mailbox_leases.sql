-- Several nodes on one database. Each node writes its row when it starts and beats every few seconds; a node whose
-- beat is older than the lease time is dead. Rows of nodes gone for a day are removed.
create table cluster_node (
    name           varchar(200) primary key,
    version        varchar(100) not null,
    started_at     timestamp with time zone not null,
    last_heartbeat timestamp with time zone not null,
    -- set by a node that stopped cleanly (its leases released); null while it runs or after it died
    stopped_at     timestamp with time zone,
    -- whether the node keeps IDLE connections, and so takes mailbox leases (its fair share counts on it)
    watches_idle   boolean not null
);

-- Which node keeps a mailbox's IDLE connection: taken and renewed with conditional updates, so one node at a time
-- holds it; a lease not renewed by its expiry is taken over by another node.
create table mailbox_lease (
    server_id   bigint primary key references incoming_server (id) on delete cascade,
    node_name   varchar(200) not null,
    acquired_at timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index ix_mailbox_lease_node on mailbox_lease (node_name);

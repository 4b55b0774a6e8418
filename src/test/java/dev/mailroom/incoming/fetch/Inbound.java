package dev.mailroom.incoming.fetch;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What Mailroom stored for a mailbox, read straight from the database. */
record Inbound(JdbcClient jdbc) {

    long rows(long serverId) {
        return count("select count(*) from inbound_email where server_id = :id", serverId);
    }

    long distinctRemoteKeys(long serverId) {
        return count("select count(distinct remote_key) from inbound_email where server_id = :id", serverId);
    }

    long distinctMessageIds(long serverId) {
        return count("select count(distinct message_id) from inbound_email where server_id = :id", serverId);
    }

    long pendingActions(long serverId) {
        return count("select count(*) from inbound_email where server_id = :id and action_pending = true", serverId);
    }

    long audited(long serverId, String status) {
        return jdbc.sql("select count(*) from audit_entry where server_id = :id and status = :status")
                .param("id", serverId).param("status", status).query(Long.class).single();
    }

    java.util.List<String> rawKeys(long serverId) {
        return jdbc.sql("select raw_blob_key from inbound_email where server_id = :id").param("id", serverId)
                .query(String.class).list();
    }

    private long count(String sql, long serverId) {
        return jdbc.sql(sql).param("id", serverId).query(Long.class).single();
    }
}

package dev.mailroom.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

/**
 * Mailbox leases: which node keeps a mailbox's IDLE connection. Each change is one conditional statement, so when
 * two nodes reach for the same lease the database lets exactly one of them have it: a lease is taken only while it is
 * free or expired, renewed and released only by its holder.
 */
@Repository
public class MailboxLeases {

    private final JdbcClient jdbc;

    MailboxLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A lease held until {@code expiresAt}. */
    public record Lease(long serverId, String node, Instant acquiredAt, Instant expiresAt) {
    }

    /** Extends every unexpired lease of the node; returns the mailboxes it holds now. */
    List<Long> renew(String node, Instant now, Instant expiresAt) {
        jdbc.sql("update mailbox_lease set expires_at = :expires where node_name = :node and expires_at > :now")
                .param("expires", SqlTime.toSql(expiresAt)).param("node", node).param("now", SqlTime.toSql(now))
                .update();
        return jdbc.sql("select server_id from mailbox_lease where node_name = :node and expires_at > :now order by server_id")
                .param("node", node).param("now", SqlTime.toSql(now)).query(Long.class).list();
    }

    /** True if the node now holds the mailbox: its lease was missing, expired, or already the node's own. */
    boolean take(long serverId, String node, Instant now, Instant expiresAt) {
        int taken = jdbc.sql("""
                update mailbox_lease set node_name = :node, acquired_at = :now, expires_at = :expires
                where server_id = :id and (expires_at <= :now or node_name = :node)""")
                .param("node", node).param("now", SqlTime.toSql(now)).param("expires", SqlTime.toSql(expiresAt))
                .param("id", serverId).update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("""
                    insert into mailbox_lease (server_id, node_name, acquired_at, expires_at)
                    select :id, :node, :now, :expires from incoming_server
                    where id = :id and not exists (select 1 from mailbox_lease where server_id = :id)""")
                    .param("node", node).param("now", SqlTime.toSql(now)).param("expires", SqlTime.toSql(expiresAt))
                    .param("id", serverId).update() == 1;
        } catch (DuplicateKeyException e) {
            return false; // another node inserted it first
        }
    }

    void release(long serverId, String node) {
        jdbc.sql("delete from mailbox_lease where server_id = :id and node_name = :node")
                .param("id", serverId).param("node", node).update();
    }

    void releaseAll(String node) {
        jdbc.sql("delete from mailbox_lease where node_name = :node").param("node", node).update();
    }

    /** The leases in force at {@code now}, by mailbox. */
    public Map<Long, Lease> valid(Instant now) {
        return jdbc.sql("select * from mailbox_lease where expires_at > :now")
                .param("now", SqlTime.toSql(now))
                .query((rs, row) -> new Lease(rs.getLong("server_id"), rs.getString("node_name"),
                        SqlTime.instant(rs, "acquired_at"), SqlTime.instant(rs, "expires_at")))
                .list().stream().collect(Collectors.toMap(Lease::serverId, lease -> lease));
    }

    /** The node holding this mailbox's lease now, if any. */
    public Optional<String> holder(long serverId) {
        return jdbc.sql("select node_name from mailbox_lease where server_id = :id and expires_at > current_timestamp")
                .param("id", serverId).query(String.class).optional();
    }
}

package dev.mailroom.incoming.fetch;

import static dev.mailroom.platform.Texts.clip;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

@Repository
class MailboxStateRepository {

    private final JdbcClient jdbc;

    MailboxStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MailboxState> find(long serverId) {
        return jdbc.sql("select * from mailbox_state where server_id = :id").param("id", serverId)
                .query(MailboxStateRepository::map).optional();
    }

    List<MailboxState> findAll() {
        return jdbc.sql("select * from mailbox_state order by server_id").query(MailboxStateRepository::map).list();
    }

    MailboxState findOrCreate(long serverId) {
        return find(serverId).orElseGet(() -> {
            try {
                jdbc.sql("insert into mailbox_state (server_id, last_uid, consecutive_failures, backlog) values (:id, 0, 0, 0)")
                        .param("id", serverId).update();
            } catch (DuplicateKeyException raced) {
                // another node created it first
            }
            return find(serverId).orElseThrow();
        });
    }

    void save(MailboxState state) {
        jdbc.sql("""
                update mailbox_state set uid_validity = :uidValidity, last_uid = :lastUid, last_poll_at = :lastPollAt,
                    last_success_at = :lastSuccessAt, last_error = :lastError, last_error_at = :lastErrorAt,
                    consecutive_failures = :failures, failure_audit_id = :failureAuditId, backlog = :backlog
                where server_id = :serverId""")
                .param("uidValidity", state.uidValidity())
                .param("lastUid", state.lastUid())
                .param("lastPollAt", SqlTime.toSql(state.lastPollAt()))
                .param("lastSuccessAt", SqlTime.toSql(state.lastSuccessAt()))
                .param("lastError", clip(state.lastError(), 2000))
                .param("lastErrorAt", SqlTime.toSql(state.lastErrorAt()))
                .param("failures", state.consecutiveFailures())
                .param("failureAuditId", state.failureAuditId())
                .param("backlog", state.backlog())
                .param("serverId", state.serverId())
                .update();
    }

    /**
     * Locks the mailbox's state row until the transaction ends: two polls of one mailbox (a node wrongly taken for
     * dead, and the node that took its poll over) commit one after the other, never interleaved.
     */
    void lock(long serverId) {
        jdbc.sql("select server_id from mailbox_state where server_id = :id for update").param("id", serverId)
                .query(Long.class).list();
    }

    /** Moves only the position, in the same transaction as the messages it covers. */
    void savePosition(long serverId, Long uidValidity, long lastUid, String remoteCursor) {
        jdbc.sql("""
                update mailbox_state set uid_validity = :uidValidity, last_uid = :lastUid, remote_cursor = :cursor
                where server_id = :serverId""")
                .param("uidValidity", uidValidity)
                .param("lastUid", lastUid)
                .param("cursor", remoteCursor)
                .param("serverId", serverId)
                .update();
    }

    private static MailboxState map(ResultSet rs, int row) throws SQLException {
        long validity = rs.getLong("uid_validity");
        Long uidValidity = rs.wasNull() ? null : validity;
        long failureAudit = rs.getLong("failure_audit_id");
        Long failureAuditId = rs.wasNull() ? null : failureAudit;
        return new MailboxState(rs.getLong("server_id"), uidValidity, rs.getLong("last_uid"),
                SqlTime.instant(rs, "last_poll_at"), SqlTime.instant(rs, "last_success_at"), rs.getString("last_error"),
                SqlTime.instant(rs, "last_error_at"), rs.getInt("consecutive_failures"), failureAuditId,
                rs.getInt("backlog"), rs.getString("remote_cursor"));
    }
}

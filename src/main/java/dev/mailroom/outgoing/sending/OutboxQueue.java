package dev.mailroom.outgoing.sending;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.RecipientKind;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.platform.Texts;

/**
 * The sender's side of the outbox tables. An email is claimed with a conditional update (PENDING → SENDING, naming
 * the node), which works alike on H2 and PostgreSQL and lets exactly one node win; every later change is made only
 * while that claim is still held.
 */
@Repository
class OutboxQueue {

    private final JdbcClient jdbc;

    OutboxQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Due emails, the one waiting longest first: by due time, so emails that keep failing with a short backoff
     * cannot starve newer ones.
     */
    List<DueEmail> due(Instant now, int limit) {
        return jdbc.sql("""
                select id, incoming_server_id, outgoing_server_id from outbox_email
                where state = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id fetch first %d rows only""".formatted(limit))
                .param("now", SqlTime.toSql(now))
                .query((rs, row) -> new DueEmail(rs.getLong("id"), nullableLong(rs, "incoming_server_id"),
                        nullableLong(rs, "outgoing_server_id")))
                .list();
    }

    /** True if this node now holds the email; false if another node took it first or it is no longer due. */
    boolean claim(long id, String node, Instant now) {
        return jdbc.sql("""
                update outbox_email set state = 'SENDING', claimed_by = :node, claimed_at = :now
                where id = :id and state = 'PENDING'""")
                .param("node", node)
                .param("now", SqlTime.toSql(now))
                .param("id", id)
                .update() == 1;
    }

    /**
     * Emails left SENDING by a node that died (claimed before {@code claimedBefore}) become PENDING again, to be sent
     * again under the same Message-ID. Returns how many.
     */
    int releaseExpiredClaims(Instant claimedBefore) {
        return jdbc.sql("""
                update outbox_email set state = 'PENDING', claimed_by = null, claimed_at = null
                where state = 'SENDING' and claimed_at < :before""")
                .param("before", SqlTime.toSql(claimedBefore))
                .update();
    }

    Optional<QueuedEmail> load(long id) {
        List<QueuedRecipient> recipients = jdbc.sql("""
                select sort_order, kind, address, state from outbox_recipient where outbox_id = :id order by sort_order""")
                .param("id", id)
                .query((rs, row) -> new QueuedRecipient(rs.getInt("sort_order"), RecipientKind.valueOf(rs.getString("kind")),
                        rs.getString("address"), rs.getString("state")))
                .list();
        List<Long> attachments = jdbc.sql("select attachment_id from outbox_attachment where outbox_id = :id order by attachment_id")
                .param("id", id)
                .query(Long.class)
                .list();
        return jdbc.sql("select * from outbox_email where id = :id")
                .param("id", id)
                .query((rs, row) -> map(rs, recipients, attachments))
                .optional();
    }

    /** Records a recipient's final state; only while {@code node} holds the email. */
    void finishRecipient(long id, int sortOrder, String state, String detail) {
        jdbc.sql("update outbox_recipient set state = :state, detail = :detail where outbox_id = :id and sort_order = :order")
                .param("state", state)
                .param("detail", Texts.clip(detail, 2000))
                .param("id", id)
                .param("order", sortOrder)
                .update();
    }

    /** Every recipient has its final state: the email is never sent again. False if the claim was lost. */
    boolean markDone(long id, String node, int attempts, String lastError, Instant now) {
        return jdbc.sql("""
                update outbox_email set state = 'DONE', claimed_by = null, claimed_at = null, finished_at = :now,
                    attempts = :attempts, last_error = :error, deferred_audit_id = null
                where id = :id and state = 'SENDING' and claimed_by = :node""")
                .param("now", SqlTime.toSql(now))
                .param("attempts", attempts)
                .param("error", Texts.clip(lastError, 2000))
                .param("id", id)
                .param("node", node)
                .update() == 1;
    }

    /**
     * A temporary failure: back to PENDING until {@code nextAttempt}, its SEND_DEFERRED audit entry remembered. False
     * if the claim was lost.
     */
    boolean retryLater(long id, String node, int attempts, String lastError, Instant nextAttempt, Long deferredAuditId) {
        return jdbc.sql("""
                update outbox_email set state = 'PENDING', claimed_by = null, claimed_at = null, attempts = :attempts,
                    last_error = :error, next_attempt_at = :next, deferred_audit_id = :deferred
                where id = :id and state = 'SENDING' and claimed_by = :node""")
                .param("attempts", attempts)
                .param("deferred", deferredAuditId)
                .param("error", Texts.clip(lastError, 2000))
                .param("next", SqlTime.toSql(nextAttempt))
                .param("id", id)
                .param("node", node)
                .update() == 1;
    }

    private static QueuedEmail map(ResultSet rs, List<QueuedRecipient> recipients, List<Long> attachments)
            throws SQLException {
        return new QueuedEmail(rs.getLong("id"), OutboundKind.valueOf(rs.getString("kind")),
                nullableLong(rs, "ticket_id"), nullableLong(rs, "incoming_server_id"),
                nullableLong(rs, "outgoing_server_id"), rs.getString("message_id"), rs.getString("in_reply_to"),
                rs.getString("references_header"), rs.getString("subject"), rs.getString("body_text"),
                rs.getString("body_html"), rs.getBoolean("automatic"), rs.getInt("attempts"),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "retry_since"), recipients, attachments,
                nullableLong(rs, "deferred_audit_id"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

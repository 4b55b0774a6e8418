package dev.mailroom.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.platform.Texts;
import dev.mailroom.storage.BlobRef;

@Repository
public class AttachmentRepository {

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Attachment insert(long ticketId, Long conversationId, NewAttachment attachment, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into attachment (ticket_id, conversation_id, file_name, content_type, size_bytes, content_id,
                    blob_key, state, created_at, inbound_email_id, source_part, next_attempt_at)
                values (:ticketId, :conversationId, :fileName, :contentType, :size, :contentId, :blobKey, :state, :now,
                    :inboundEmailId, :sourcePart, :nextAttempt)""")
                .param("ticketId", ticketId)
                .param("conversationId", conversationId)
                .param("fileName", attachment.fileName())
                .param("contentType", attachment.contentType())
                .param("size", attachment.sizeBytes())
                .param("contentId", attachment.contentId())
                .param("blobKey", attachment.blob() == null ? null : attachment.blob().key())
                .param("state", attachment.state().name())
                .param("now", SqlTime.toSql(now))
                .param("inboundEmailId", attachment.source() == null ? null : attachment.source().inboundEmailId())
                .param("sourcePart", attachment.source() == null ? null : attachment.source().partNumber())
                .param("nextAttempt", attachment.state() == AttachmentState.PENDING ? SqlTime.toSql(now) : null)
                .update(keys, "id");
        return findById(keys.getKey().longValue()).orElseThrow();
    }

    public Optional<Attachment> findById(long id) {
        return jdbc.sql("select * from attachment where id = :id")
                .param("id", id)
                .query(AttachmentRepository::map)
                .optional();
    }

    public List<Attachment> findByTicket(long ticketId) {
        return jdbc.sql("select * from attachment where ticket_id = :ticketId order by id")
                .param("ticketId", ticketId)
                .query(AttachmentRepository::map)
                .list();
    }

    /** Records the bytes of a PENDING attachment; returns false if it was not pending. */
    public boolean markStored(long id, BlobRef blob) {
        return jdbc.sql("""
                update attachment set state = 'STORED', blob_key = :key, size_bytes = :size
                where id = :id and state = 'PENDING'""")
                .param("key", blob.key())
                .param("size", blob.size())
                .param("id", id)
                .update() == 1;
    }

    /** Gives up on a PENDING attachment, saying why; returns false if it was not pending. */
    public boolean markFailed(long id, String reason) {
        return jdbc.sql("""
                update attachment set state = 'FAILED', last_error = :reason, next_attempt_at = null
                where id = :id and state = 'PENDING'""")
                .param("reason", Texts.clip(reason, 2000))
                .param("id", id)
                .update() == 1;
    }

    /** PENDING attachments whose next attempt is due, longest waiting first. */
    public List<Attachment> duePending(Instant now, int limit) {
        return jdbc.sql("select * from attachment where state = 'PENDING' and next_attempt_at <= :now"
                        + " order by next_attempt_at, id fetch first " + limit + " rows only")
                .param("now", SqlTime.toSql(now))
                .query(AttachmentRepository::map)
                .list();
    }

    /** Counts an attempt at a PENDING attachment before it is made; returns false if it is no longer pending. */
    public boolean countAttempt(long id) {
        return jdbc.sql("update attachment set attempts = attempts + 1 where id = :id and state = 'PENDING'")
                .param("id", id)
                .update() == 1;
    }

    /** An attempt failed in a way that may pass: try again at {@code next}. */
    public boolean retryAt(long id, Instant next, String error) {
        return jdbc.sql("""
                update attachment set next_attempt_at = :next, last_error = :error
                where id = :id and state = 'PENDING'""")
                .param("next", SqlTime.toSql(next))
                .param("error", Texts.clip(error, 2000))
                .param("id", id)
                .update() == 1;
    }

    static Attachment map(ResultSet rs, int row) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("ticket_id"),
                TicketRepository.nullableLong(rs, "conversation_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("content_id"),
                rs.getString("blob_key"), AttachmentState.valueOf(rs.getString("state")),
                SqlTime.instant(rs, "created_at"), source(rs), rs.getInt("attempts"), rs.getString("last_error"));
    }

    private static EmailPart source(ResultSet rs) throws SQLException {
        Long inboundEmailId = TicketRepository.nullableLong(rs, "inbound_email_id");
        return inboundEmailId == null ? null : new EmailPart(inboundEmailId, rs.getString("source_part"));
    }
}

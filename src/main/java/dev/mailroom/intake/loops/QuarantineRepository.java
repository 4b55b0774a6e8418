package dev.mailroom.intake.loops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

@Repository
class QuarantineRepository {

    private final JdbcClient jdbc;

    QuarantineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Quarantine insert(QuarantineSubject subject, Instant since, int emailCount, LoopProperties limit, Long inboundEmailId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into intake_quarantine (kind, server_id, sender, ticket_id, ticket_display_id, since, email_count,
                    max_emails, window_seconds, inbound_email_id, active_key)
                values (:kind, :serverId, :sender, :ticketId, :displayId, :since, :count, :max, :window, :inboundId,
                    :activeKey)""")
                .param("kind", subject.kind().name())
                .param("serverId", subject.serverId())
                .param("sender", subject.sender())
                .param("ticketId", subject.ticketId())
                .param("displayId", subject.ticketDisplayId())
                .param("since", SqlTime.toSql(since))
                .param("count", emailCount)
                .param("max", limit.maxEmails())
                .param("window", limit.window().toSeconds())
                .param("inboundId", inboundEmailId)
                .param("activeKey", subject.activeKey())
                .update(keys, "id");
        return findById(keys.getKey().longValue()).orElseThrow();
    }

    Optional<Quarantine> findById(long id) {
        return jdbc.sql("select * from intake_quarantine where id = :id").param("id", id)
                .query(QuarantineRepository::map).optional();
    }

    Optional<Quarantine> findActive(QuarantineSubject subject) {
        return jdbc.sql("select * from intake_quarantine where active_key = :key").param("key", subject.activeKey())
                .query(QuarantineRepository::map).optional();
    }

    /** When this sender or thread was last released, if ever. */
    Optional<Instant> lastRelease(QuarantineSubject subject) {
        var sql = switch (subject.kind()) {
            case SENDER -> jdbc.sql("""
                    select max(released_at) as released_at from intake_quarantine
                    where kind = 'SENDER' and server_id = :serverId and sender = :sender""")
                    .param("serverId", subject.serverId()).param("sender", subject.sender());
            case THREAD -> jdbc.sql("select max(released_at) as released_at from intake_quarantine where kind = 'THREAD' and ticket_id = :ticketId")
                    .param("ticketId", subject.ticketId());
        };
        return sql.query((rs, row) -> Optional.ofNullable(SqlTime.instant(rs, "released_at"))).list().stream()
                .flatMap(Optional::stream).findFirst();
    }

    /** Active quarantines of the sender (on any server) or of the ticket's thread. */
    List<Quarantine> activeForSenderOrThread(String sender, long ticketId) {
        return jdbc.sql("""
                select * from intake_quarantine
                where released_at is null and ((kind = 'SENDER' and sender = :sender) or (kind = 'THREAD' and ticket_id = :ticketId))
                order by since, id""")
                .param("sender", sender.strip().toLowerCase(Locale.ROOT)).param("ticketId", ticketId)
                .query(QuarantineRepository::map).list();
    }

    List<Quarantine> active() {
        return jdbc.sql("select * from intake_quarantine where released_at is null order by since desc, id desc")
                .query(QuarantineRepository::map).list();
    }

    /** Ends an active quarantine; false if it was released already. */
    boolean release(long id, Instant at, String by) {
        return jdbc.sql("""
                update intake_quarantine set released_at = :at, released_by = :by, active_key = null
                where id = :id and released_at is null""")
                .param("at", SqlTime.toSql(at)).param("by", by).param("id", id)
                .update() == 1;
    }

    private static Quarantine map(ResultSet rs, int row) throws SQLException {
        return new Quarantine(rs.getLong("id"), QuarantineKind.valueOf(rs.getString("kind")),
                rs.getObject("server_id", Long.class), rs.getString("sender"), rs.getObject("ticket_id", Long.class),
                rs.getString("ticket_display_id"), SqlTime.instant(rs, "since"), rs.getInt("email_count"),
                rs.getInt("max_emails"), rs.getLong("window_seconds"), rs.getObject("inbound_email_id", Long.class),
                SqlTime.instant(rs, "released_at"), rs.getString("released_by"));
    }
}

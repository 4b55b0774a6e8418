package dev.mailroom.outgoing.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

/** Finds one of our outbox emails by the Message-ID it went out with, or by a recipient it went to. */
@Repository
public class SentNotifications {

    private static final String COLUMNS = """
            e.id, e.kind, e.ticket_id, e.outgoing_server_id, e.subject, e.message_id,
            coalesce(e.finished_at, e.created_at) as sent_at""";

    private final JdbcClient jdbc;

    SentNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SentNotification> findByMessageId(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from outbox_email e where e.message_id = :messageId")
                .param("messageId", messageId)
                .query((rs, row) -> notification(rs))
                .optional();
    }

    /**
     * The newest notification about a ticket that went to this address (To or Cc, sent or still being sent, not left
     * out) at or after {@code since}: what a bounce that returns none of our Message-IDs most likely answers.
     */
    public Optional<SentNotification> findLatestTo(String address, Instant since) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + """
                 from outbox_email e
                where e.ticket_id is not null
                  and coalesce(e.finished_at, e.created_at) >= :since
                  and exists (select 1 from outbox_recipient r
                               where r.outbox_id = e.id and lower(r.address) = :address and r.state <> 'IGNORED')
                order by coalesce(e.finished_at, e.created_at) desc, e.id desc
                limit 1""")
                .param("address", address.strip().toLowerCase(Locale.ROOT))
                .param("since", SqlTime.toSql(since))
                .query((rs, row) -> notification(rs))
                .stream().findFirst();
    }

    /** The addresses the outbox email went to (To and Cc), in their order. */
    public List<String> recipientsOf(long outboxId) {
        return jdbc.sql("select address from outbox_recipient where outbox_id = :id order by sort_order")
                .param("id", outboxId).query(String.class).list();
    }

    private static SentNotification notification(ResultSet rs) throws SQLException {
        return new SentNotification(rs.getLong("id"), OutboundKind.valueOf(rs.getString("kind")),
                rs.getObject("ticket_id", Long.class), rs.getObject("outgoing_server_id", Long.class),
                rs.getString("subject"), rs.getString("message_id"), SqlTime.instant(rs, "sent_at"));
    }
}

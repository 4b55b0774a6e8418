package dev.mailroom.outgoing.outbox;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds one of our outbox emails by the Message-ID it went out with. */
@Repository
public class SentNotifications {

    private final JdbcClient jdbc;

    SentNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SentNotification> findByMessageId(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, kind, ticket_id, outgoing_server_id, subject, message_id
                from outbox_email where message_id = :messageId""")
                .param("messageId", messageId)
                .query((rs, row) -> new SentNotification(rs.getLong("id"), OutboundKind.valueOf(rs.getString("kind")),
                        rs.getObject("ticket_id", Long.class), rs.getObject("outgoing_server_id", Long.class),
                        rs.getString("subject"), rs.getString("message_id")))
                .optional();
    }
}

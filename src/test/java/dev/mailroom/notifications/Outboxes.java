package dev.mailroom.notifications;

import java.util.List;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What notifications left in the outbox and the audit, read straight from the tables. */
@TestComponent
public class Outboxes {

    public record Row(long id, String kind, Long conversationId, Long incomingServerId, String messageId,
            String inReplyTo, String references, String subject, String bodyText, String bodyHtml, boolean automatic,
            String state) {
    }

    public record Recipient(String kind, String address, String state) {
    }

    public record Ignored(String message, String messageId, String recipients, String subject, String ticket) {
    }

    private final JdbcClient jdbc;

    Outboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> ofTicket(long ticketId) {
        return jdbc.sql("""
                select id, kind, conversation_id, incoming_server_id, message_id, in_reply_to, references_header, subject,
                    body_text, body_html, automatic, state
                from outbox_email where ticket_id = :id order by id""")
                .param("id", ticketId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("kind"), rs.getObject("conversation_id", Long.class),
                        rs.getObject("incoming_server_id", Long.class), rs.getString("message_id"),
                        rs.getString("in_reply_to"), rs.getString("references_header"), rs.getString("subject"),
                        rs.getString("body_text"), rs.getString("body_html"), rs.getBoolean("automatic"),
                        rs.getString("state")))
                .list();
    }

    public List<Recipient> recipients(long outboxId) {
        return jdbc.sql("select kind, address, state from outbox_recipient where outbox_id = :id order by sort_order")
                .param("id", outboxId)
                .query((rs, n) -> new Recipient(rs.getString("kind"), rs.getString("address"), rs.getString("state")))
                .list();
    }

    public List<Long> attachments(long outboxId) {
        return jdbc.sql("select attachment_id from outbox_attachment where outbox_id = :id order by attachment_id")
                .param("id", outboxId).query(Long.class).list();
    }

    /** SEND_IGNORED entries (event OUTGOING) about the ticket. */
    public List<Ignored> ignored(long ticketId) {
        return jdbc.sql("""
                select message, message_id, recipients, subject, ticket_display_id from audit_entry
                where ticket_id = :id and status = 'SEND_IGNORED' and event = 'OUTGOING' order by id""")
                .param("id", ticketId)
                .query((rs, n) -> new Ignored(rs.getString("message"), rs.getString("message_id"),
                        rs.getString("recipients"), rs.getString("subject"), rs.getString("ticket_display_id")))
                .list();
    }

    public long total() {
        return jdbc.sql("select count(*) from outbox_email").query(Long.class).single();
    }
}

package dev.mailroom.outgoing.outbox;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.platform.Texts;

/** The outbox tables: emails waiting to be sent, their recipients' outcomes and attachments. */
@Repository
public class OutboxRepository {

    static final int MAX_REFERENCES_LENGTH = 4000;

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewOutboundEmail email, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into outbox_email (kind, ticket_id, conversation_id, incoming_server_id, outgoing_server_id,
                    message_id, in_reply_to, references_header, subject, body_text, body_html, automatic, state,
                    attempts, next_attempt_at, created_at)
                values (:kind, :ticketId, :conversationId, :incomingServerId, :outgoingServerId,
                    :messageId, :inReplyTo, :references, :subject, :bodyText, :bodyHtml, :automatic, 'PENDING',
                    0, :now, :now)""")
                .param("kind", email.kind().name())
                .param("ticketId", email.ticketId())
                .param("conversationId", email.conversationId())
                .param("incomingServerId", email.incomingServerId())
                .param("outgoingServerId", email.outgoingServerId())
                .param("messageId", email.messageId())
                .param("inReplyTo", email.inReplyTo())
                .param("references", references(email.references()))
                .param("subject", Texts.clip(email.subject(), 1000))
                .param("bodyText", email.bodyText())
                .param("bodyHtml", email.bodyHtml())
                .param("automatic", email.kind().automatic())
                .param("now", SqlTime.toSql(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        List<OutboundRecipient> recipients = email.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            jdbc.sql("""
                    insert into outbox_recipient (outbox_id, sort_order, kind, address, state)
                    values (:id, :order, :kind, :address, 'PENDING')""")
                    .param("id", id)
                    .param("order", i)
                    .param("kind", recipients.get(i).kind().name())
                    .param("address", recipients.get(i).address())
                    .update();
        }
        for (Long attachmentId : email.attachmentIds()) {
            jdbc.sql("insert into outbox_attachment (outbox_id, attachment_id) values (:id, :attachment)")
                    .param("id", id)
                    .param("attachment", attachmentId)
                    .update();
        }
        return id;
    }

    /** Oldest ids first, cut at whole ids so the header stays parseable. */
    private static String references(List<String> ids) {
        StringBuilder header = new StringBuilder();
        for (int i = ids.size() - 1; i >= 0; i--) {
            String id = ids.get(i);
            if (header.length() + id.length() + 1 > MAX_REFERENCES_LENGTH) {
                break;
            }
            header.insert(0, header.isEmpty() ? id : id + " ");
        }
        return header.isEmpty() ? null : header.toString();
    }
}

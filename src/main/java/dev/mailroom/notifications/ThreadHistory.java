package dev.mailroom.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.ConversationDirection;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;

/**
 * In-Reply-To and References for a new email about a ticket, so the requester's mail client files it with the
 * conversation: References = the requester's original email, then the most recent Message-IDs of the thread
 * (conversations and our earlier notifications), oldest first; In-Reply-To = the requester's latest email (the
 * original one if they never replied), or our latest notification for a ticket opened through the API.
 */
@Component
class ThreadHistory {

    static final int MAX_REFERENCES = 20;

    private final TicketService tickets;
    private final JdbcClient jdbc;

    ThreadHistory(TicketService tickets, JdbcClient jdbc) {
        this.tickets = tickets;
        this.jdbc = jdbc;
    }

    record Threading(String inReplyTo, List<String> references) {
    }

    Threading of(Ticket ticket) {
        record Sent(Instant at, String messageId, boolean fromRequester) {
        }
        List<Sent> history = new ArrayList<>();
        for (Conversation conversation : tickets.conversations(ticket.id())) {
            if (conversation.messageId() != null) {
                history.add(new Sent(conversation.createdAt(), conversation.messageId(),
                        conversation.direction() == ConversationDirection.INCOMING));
            }
        }
        history.addAll(jdbc.sql("select message_id, created_at from outbox_email where ticket_id = :id")
                .param("id", ticket.id())
                .query((rs, row) -> new Sent(SqlTime.instant(rs, "created_at"), rs.getString("message_id"), false))
                .list());
        history.sort(Comparator.comparing(Sent::at));

        String inReplyTo = history.stream().filter(Sent::fromRequester).reduce((a, b) -> b).map(Sent::messageId)
                .orElse(ticket.messageId());
        if (inReplyTo == null && !history.isEmpty()) {
            inReplyTo = history.get(history.size() - 1).messageId();
        }
        LinkedHashSet<String> references = new LinkedHashSet<>();
        if (ticket.messageId() != null) {
            references.add(ticket.messageId());
        }
        history.stream().skip(Math.max(0, history.size() - MAX_REFERENCES)).map(Sent::messageId)
                .forEach(references::add);
        return new Threading(inReplyTo, List.copyOf(references));
    }
}

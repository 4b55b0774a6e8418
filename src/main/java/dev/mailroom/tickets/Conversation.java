package dev.mailroom.tickets;

import java.time.Instant;
import java.util.List;

/**
 * One entry in a ticket's thread. {@code messageId} is the RFC 5322 Message-ID in angle brackets, for email replies
 * (incoming, or outgoing once sent); {@code createdBy} is the account that wrote an API reply or note.
 */
public record Conversation(long id, long ticketId, ConversationDirection direction, String from, List<String> to,
        List<String> cc, String messageId, String bodyText, String bodyHtml, String createdBy, Instant createdAt) {
}

package dev.mailroom.outgoing.outbox;

import java.util.List;
import java.util.Objects;

/**
 * A rendered email for the outbox. The Message-ID is chosen by the caller (for ticket mail a signed thread id, see
 * {@code tickets.threading.ThreadIds}) so that it can be stored with the ticket in the same transaction, before the
 * email is sent. The outgoing server is chosen when sending, from the mailbox the ticket came through, unless
 * {@code outgoingServerId} names one.
 */
public record NewOutboundEmail(
        OutboundKind kind,
        Long ticketId,
        Long conversationId,
        Long incomingServerId,
        Long outgoingServerId,
        List<OutboundRecipient> recipients,
        String messageId,
        String inReplyTo,
        List<String> references,
        String subject,
        String bodyText,
        String bodyHtml,
        List<Long> attachmentIds) {

    public NewOutboundEmail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
        recipients = List.copyOf(recipients);
        references = references == null ? List.of() : List.copyOf(references);
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}

package dev.mailroom.outgoing.sending;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message that keeps the Message-ID stored in the outbox. Jakarta Mail would make up a new one on
 * {@code saveChanges()}; ours is already on the ticket, so replies thread, and a resend after a crash carries the
 * same id, so the receiving side can recognise it.
 */
final class StoredIdMimeMessage extends MimeMessage {

    private final String messageId;

    StoredIdMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}

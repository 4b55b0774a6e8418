package dev.mailroom.connectiontest;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import dev.mailroom.transport.MailConnection;

/** A {@link Probe} of a mailbox (IMAP, POP3): adds the hand-made dialogue and the store Angus Mail signs in to. */
final class MailboxProbe extends Probe {

    final MailConnection connection;
    Store store;

    MailboxProbe(MailConnection connection) {
        super(connection);
        this.connection = connection;
    }

    MailDialogue dialogue() throws IOException {
        return new MailDialogue(socket, connection.protocol());
    }

    /** Ends the hand-made session politely; the login that follows opens its own connection through Angus Mail. */
    void endDialogue(MailDialogue dialogue) {
        dialogue.goodbye();
        closeSocket();
    }

    @Override
    public void close() {
        super.close();
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // closing a test connection; nothing depends on it
            }
        }
    }
}

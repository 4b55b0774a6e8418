package dev.mailroom.incoming.fetch;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.springframework.stereotype.Component;

import dev.mailroom.incoming.connection.MailSessionFactory;

/** Opens the protocol's client for a mailbox, connected the same way Test Connection connects. */
@Component
class MailboxClients {

    /** Large messages are read in chunks of this size rather than in one piece. */
    private static final int IMAP_FETCH_CHUNK = 1024 * 1024;

    private final MailSessionFactory sessions;

    MailboxClients(MailSessionFactory sessions) {
        this.sessions = sessions;
    }

    MailboxClient open(MailboxToFetch mailbox) throws MessagingException {
        Properties properties = sessions.properties(mailbox.connection());
        // Read without setting \Seen: a message is marked only after it is stored (the after-processing action).
        properties.put("mail.imap.peek", "true");
        properties.put("mail.imap.fetchsize", String.valueOf(IMAP_FETCH_CHUNK));
        // POP3 keeps a retrieved message in a temporary file instead of the heap.
        properties.put("mail.pop3.filecache.enable", "true");
        Session session = Session.getInstance(properties);
        Store store = sessions.connect(mailbox.connection(), session);
        try {
            return switch (mailbox.connection().protocol()) {
                case IMAP -> ImapMailboxClient.open(store, mailbox.connection().folder());
                case POP3 -> Pop3MailboxClient.open(store);
            };
        } catch (MessagingException | RuntimeException e) {
            ImapMailboxClient.closeQuietly(store);
            throw e;
        }
    }
}

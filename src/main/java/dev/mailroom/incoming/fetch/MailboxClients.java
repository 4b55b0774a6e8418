package dev.mailroom.incoming.fetch;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.springframework.stereotype.Component;

import dev.mailroom.graph.GraphApi;
import dev.mailroom.graph.GraphFolders;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSessionFactory;

/** Opens the protocol's client for a mailbox, connected the same way Test Connection connects. */
@Component
class MailboxClients {

    /** Large messages are read in chunks of this size rather than in one piece. */
    private static final int IMAP_FETCH_CHUNK = 1024 * 1024;

    private final MailSessionFactory sessions;
    private final GraphApi graph;
    private final GraphFolders graphFolders;

    MailboxClients(MailSessionFactory sessions, GraphApi graph, GraphFolders graphFolders) {
        this.sessions = sessions;
        this.graph = graph;
        this.graphFolders = graphFolders;
    }

    /** {@code cursor}: where the mailbox's last poll left off, for clients that keep one ({@link MailboxClient#cursor()}). */
    MailboxClient open(MailboxToFetch mailbox, String cursor) throws MessagingException {
        if (mailbox.connection().protocol() == MailProtocol.GRAPH) {
            return GraphMailboxClient.open(graph, graphFolders, mailbox.connection(), cursor);
        }
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
                case GRAPH -> throw new IllegalStateException("Graph mailboxes have no mail store");
            };
        } catch (MessagingException | RuntimeException e) {
            ImapMailboxClient.closeQuietly(store);
            throw e;
        }
    }
}

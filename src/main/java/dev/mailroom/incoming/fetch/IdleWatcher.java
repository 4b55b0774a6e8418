package dev.mailroom.incoming.fetch;

import java.time.Duration;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mailroom.transport.MailSessionFactory;

/**
 * Holds one IMAP connection in IDLE on a mailbox's folder and nudges its poll when the server announces new mail,
 * so a new email is picked up in about a second. It only watches: fetching stays with the scheduled poll. A server
 * without IDLE, or a dropped connection, leaves the mailbox to its regular polls; the watcher reconnects with backoff.
 * A connection that dies without a word (a NAT or firewall forgetting it) is found by {@link #refresh()}.
 */
class IdleWatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(IdleWatcher.class);

    private final MailboxToFetch mailbox;
    private final MailSessionFactory sessions;
    private final PollNudges nudges;
    private volatile boolean running = true;
    private volatile IMAPFolder folder;

    IdleWatcher(MailboxToFetch mailbox, MailSessionFactory sessions, PollNudges nudges) {
        this.mailbox = mailbox;
        this.sessions = sessions;
        this.nudges = nudges;
    }

    MailboxToFetch mailbox() {
        return mailbox;
    }

    @Override
    public void run() {
        int failures = 0;
        while (running) {
            try {
                watch();
                failures = 0;
            } catch (MessagingException | RuntimeException e) {
                failures++;
                log.debug("IDLE on mailbox {} interrupted: {}", mailbox.serverName(), e.getMessage());
            }
            if (running) {
                sleep(PollSchedule.retryDelay(Math.max(failures, 1), mailbox.pollInterval()));
            }
        }
    }

    /** Returns when the server does not support IDLE (after telling so in the log), or throws when the connection drops. */
    private void watch() throws MessagingException {
        Session session = Session.getInstance(sessions.properties(mailbox.connection()));
        Store store = sessions.connect(mailbox.connection(), session);
        try {
            if (!((IMAPStore) store).hasCapability("IDLE")) {
                log.info("Mailbox {} does not support IMAP IDLE; it is polled every {} s", mailbox.serverName(),
                        mailbox.pollInterval().toSeconds());
                running = false;
                return;
            }
            IMAPFolder watched = (IMAPFolder) store.getFolder(mailbox.connection().folder());
            watched.open(Folder.READ_ONLY);
            watched.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent event) {
                    nudges.nudge(mailbox.serverId());
                }
            });
            folder = watched;
            // Anything that arrived while we were not watching.
            nudges.nudge(mailbox.serverId());
            // A server that ends an idle session (RFC 2177 allows it after 30 minutes) makes this throw: we reconnect.
            while (running && watched.isOpen()) {
                watched.idle(true);
            }
        } finally {
            folder = null;
            ImapMailboxClient.closeQuietly(store);
        }
    }

    /**
     * Ends IDLE for a NOOP, after which the watch loop issues IDLE again. On a healthy connection that is a round trip
     * (and RFC 2177's advice to re-issue IDLE before 29 minutes); on a dead one the answer never comes, the read
     * timeout closes the connection (Angus Mail ignores read timeouts only while IDLE runs), the watch loop sees it
     * closed and reconnects, and its first poll fetches whatever arrived meanwhile.
     */
    void refresh() {
        IMAPFolder watched = folder;
        if (watched == null) {
            return;
        }
        try {
            watched.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            log.info("IDLE connection of mailbox {} did not answer a NOOP ({}); reconnecting", mailbox.serverName(),
                    e.getMessage());
        }
    }

    void stop() {
        running = false;
        IMAPFolder watched = folder;
        if (watched != null) {
            try {
                watched.close(false);
            } catch (MessagingException | RuntimeException ignored) {
                // closing is all we wanted
            }
        }
    }

    private void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

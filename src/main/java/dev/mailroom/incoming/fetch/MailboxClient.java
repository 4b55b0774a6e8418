package dev.mailroom.incoming.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.mail.MessagingException;

import dev.mailroom.incoming.AfterProcessing;

/**
 * One protocol's view of a mailbox, open for one poll. The poller never knows IMAP from POP3 or Graph: it asks for messages it
 * has not stored yet, streams each one, and acknowledges them once they are committed.
 */
public interface MailboxClient extends AutoCloseable {

    /** IMAP UIDVALIDITY, or null for protocols without one. Remote keys are only valid under the same validity. */
    Long validity();

    /**
     * Messages not yet stored, oldest first, at most {@code limit}. {@code afterPosition} is the last IMAP UID stored;
     * {@code alreadyStored} answers which of the given remote keys are known (POP3, whose UIDLs have no order).
     */
    List<RemoteMessage> newMessages(long afterPosition, Function<Collection<String>, Set<String>> alreadyStored, int limit)
            throws MessagingException;

    /**
     * Where the next poll resumes listing, for protocols that keep their place as a link rather than a position
     * (Graph's delta link); it covers exactly the messages handed out so far. Null for IMAP and POP3.
     */
    default String cursor() {
        return null;
    }

    /** How many new messages were left on the server after the last {@link #newMessages} call. */
    int backlog();

    /** The whole raw message (headers and body) as the server has it, streamed; the caller closes it. */
    InputStream open(RemoteMessage message) throws MessagingException;

    /** Only the header section, for messages too large to fetch. */
    InputStream openHeaders(RemoteMessage message) throws MessagingException;

    /** False once the connection to the server is gone (as opposed to one message failing to load). */
    boolean isConnected();

    /** Applies the after-processing action to these messages; keys no longer on the server are skipped. */
    void acknowledge(Collection<String> remoteKeys, AfterProcessing action, String moveFolder) throws MessagingException;

    /**
     * Ends the session so that acknowledgements take effect (POP3 deletes on QUIT) and says whether they did.
     * Only then are they marked done; if not, they stay pending and are applied again next time.
     */
    boolean finish();

    /** Ends the session quietly, e.g. after a failure. */
    @Override
    default void close() {
        finish();
    }
}

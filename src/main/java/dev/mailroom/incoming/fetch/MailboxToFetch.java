package dev.mailroom.incoming.fetch;

import java.time.Duration;

import dev.mailroom.incoming.AfterProcessing;
import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.MailProtocol;

/** What the fetcher needs of an incoming server's configuration, with the password decrypted for this poll only. */
public record MailboxToFetch(long serverId, String serverName, MailConnection connection, AfterProcessing action,
        String moveFolder, long maxMessageBytes, Duration pollInterval) {

    /** Whether IDLE can watch it: IMAP only. */
    boolean watchable() {
        return connection.protocol() == MailProtocol.IMAP;
    }
}

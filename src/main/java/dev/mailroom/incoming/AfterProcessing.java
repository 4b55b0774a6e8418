package dev.mailroom.incoming;

import java.util.EnumSet;
import java.util.Set;

import dev.mailroom.incoming.connection.MailProtocol;

/**
 * What the fetcher does with a message on the server once its raw bytes and RECEIVED audit entry are committed.
 * IMAP has flags and folders; POP3 can only delete a message or leave it (and remember its UIDL).
 */
public enum AfterProcessing {
    MARK_SEEN(EnumSet.of(MailProtocol.IMAP)),
    MOVE(EnumSet.of(MailProtocol.IMAP)),
    DELETE(EnumSet.of(MailProtocol.IMAP, MailProtocol.POP3)),
    KEEP(EnumSet.of(MailProtocol.POP3));

    private final Set<MailProtocol> protocols;

    AfterProcessing(Set<MailProtocol> protocols) {
        this.protocols = protocols;
    }

    public boolean allowedFor(MailProtocol protocol) {
        return protocols.contains(protocol);
    }

    public static AfterProcessing defaultFor(MailProtocol protocol) {
        return protocol == MailProtocol.IMAP ? MARK_SEEN : DELETE;
    }
}

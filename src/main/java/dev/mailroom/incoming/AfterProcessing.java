package dev.mailroom.incoming;

import java.util.EnumSet;
import java.util.Set;

import dev.mailroom.transport.MailProtocol;

/**
 * What the fetcher does with a message on the server once its raw bytes and RECEIVED audit entry are committed.
 * IMAP and Microsoft Graph have read flags and folders; POP3 can only delete a message or leave it (and remember its UIDL).
 */
public enum AfterProcessing {
    MARK_SEEN(EnumSet.of(MailProtocol.IMAP, MailProtocol.GRAPH)),
    MOVE(EnumSet.of(MailProtocol.IMAP, MailProtocol.GRAPH)),
    DELETE(EnumSet.of(MailProtocol.IMAP, MailProtocol.POP3, MailProtocol.GRAPH)),
    KEEP(EnumSet.of(MailProtocol.POP3));

    private final Set<MailProtocol> protocols;

    AfterProcessing(Set<MailProtocol> protocols) {
        this.protocols = protocols;
    }

    public boolean allowedFor(MailProtocol protocol) {
        return protocols.contains(protocol);
    }

    public static AfterProcessing defaultFor(MailProtocol protocol) {
        return protocol == MailProtocol.POP3 ? DELETE : MARK_SEEN;
    }
}

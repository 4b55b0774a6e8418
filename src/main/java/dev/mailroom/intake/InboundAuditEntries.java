package dev.mailroom.intake;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRepository;
import dev.mailroom.spool.InboundEmail;

/** Audit entries about a stored inbound email: its server, raw mail, Message-ID, sender, recipients and subject. */
@Component
public class InboundAuditEntries {

    private final IncomingServerRepository servers;

    InboundAuditEntries(IncomingServerRepository servers) {
        this.servers = servers;
    }

    public NewAuditEntry about(InboundEmail email, AuditStatus status, String subject) {
        return about(email, servers.findById(email.serverId()).orElse(null), status, subject);
    }

    /** The same, with the email's server already at hand (null if it was deleted). */
    public NewAuditEntry about(InboundEmail email, IncomingServer server, AuditStatus status, String subject) {
        return NewAuditEntry.of(status)
                .server(email.serverId(), server == null ? null : server.name())
                .inboundEmail(email.id(), email.rawBlobKey())
                .email(email.messageId(), email.sender(), email.recipients(), subject);
    }
}

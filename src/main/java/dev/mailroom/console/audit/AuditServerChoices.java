package dev.mailroom.console.audit;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditEvent;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.outgoing.OutgoingServerService;

/** The servers the Email Audit can be filtered by: every incoming server, then every outgoing one, by name. */
@Component
class AuditServerChoices {

    private final IncomingServerService incoming;
    private final OutgoingServerService outgoing;

    AuditServerChoices(IncomingServerService incoming, OutgoingServerService outgoing) {
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    List<AuditServerChoice> all() {
        Comparator<AuditServerChoice> byName = Comparator.comparing(AuditServerChoice::name, String.CASE_INSENSITIVE_ORDER);
        return Stream.concat(
                incoming.list().stream().map(server -> new AuditServerChoice(AuditEvent.INCOMING, server.id(), server.name()))
                        .sorted(byName),
                outgoing.list().stream().map(server -> new AuditServerChoice(AuditEvent.OUTGOING, server.id(), server.name()))
                        .sorted(byName))
                .toList();
    }
}

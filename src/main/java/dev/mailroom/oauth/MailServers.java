package dev.mailroom.oauth;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRepository;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerRepository;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.web.NotFoundException;

/** What the OAuth feature needs to know of the mail server an OAuth configuration belongs to. */
@Component
class MailServers {

    /** A server's name and the scope its protocol needs from a preset; {@code graph}: it uses Microsoft Graph. */
    record Server(OAuthServerRef ref, String name, String host, boolean pop3, boolean graph) {

        String scopeOf(OAuthPreset preset) {
            if (graph && preset == OAuthPreset.MICROSOFT_365) {
                return OAuthPreset.GRAPH_SCOPE;
            }
            return ref.kind() == ServerKind.INCOMING ? preset.incomingScope(pop3) : preset.smtpScope();
        }
    }

    private final IncomingServerRepository incoming;
    private final OutgoingServerRepository outgoing;

    MailServers(IncomingServerRepository incoming, OutgoingServerRepository outgoing) {
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    Optional<Server> find(OAuthServerRef ref) {
        if (ref.kind() == ServerKind.INCOMING) {
            return incoming.findById(ref.serverId()).map(MailServers::of);
        }
        return outgoing.findById(ref.serverId()).map(MailServers::of);
    }

    Server get(OAuthServerRef ref) {
        return find(ref).orElseThrow(() -> new NotFoundException(
                ref.kind() == ServerKind.INCOMING ? "Incoming server" : "Outgoing server", ref.serverId()));
    }

    private static Server of(IncomingServer server) {
        return new Server(OAuthServerRef.incoming(server.id()), server.name(), server.settings().host(),
                server.settings().protocol() == MailProtocol.POP3, server.settings().protocol() == MailProtocol.GRAPH);
    }

    private static Server of(OutgoingServer server) {
        return new Server(OAuthServerRef.outgoing(server.id()), server.name(), server.settings().host(), false,
                server.settings().transport() == OutgoingTransport.GRAPH);
    }
}

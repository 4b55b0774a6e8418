package dev.mailroom.outgoing;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.oauth.OAuthMailServer;
import dev.mailroom.oauth.OAuthMailServerDirectory;
import dev.mailroom.oauth.OAuthServerRef;
import dev.mailroom.oauth.ServerKind;
import dev.mailroom.transport.OutgoingTransport;

/** The Outgoing Email Servers, as the OAuth feature sees them. */
@Component
class OutgoingOAuthServers implements OAuthMailServerDirectory {

    private final OutgoingServerRepository servers;

    OutgoingOAuthServers(OutgoingServerRepository servers) {
        this.servers = servers;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.OUTGOING;
    }

    @Override
    public Optional<OAuthMailServer> find(long serverId) {
        return servers.findById(serverId).map(server -> new OAuthMailServer(OAuthServerRef.outgoing(server.id()),
                server.name(), server.settings().host(), false,
                server.settings().transport() == OutgoingTransport.GRAPH));
    }
}

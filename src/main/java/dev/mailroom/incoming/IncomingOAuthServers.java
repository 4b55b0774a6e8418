package dev.mailroom.incoming;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.oauth.OAuthMailServer;
import dev.mailroom.oauth.OAuthMailServerDirectory;
import dev.mailroom.oauth.OAuthServerRef;
import dev.mailroom.oauth.ServerKind;
import dev.mailroom.transport.MailProtocol;

/** The Incoming Email Servers, as the OAuth feature sees them. */
@Component
class IncomingOAuthServers implements OAuthMailServerDirectory {

    private final IncomingServerRepository servers;

    IncomingOAuthServers(IncomingServerRepository servers) {
        this.servers = servers;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.INCOMING;
    }

    @Override
    public Optional<OAuthMailServer> find(long serverId) {
        return servers.findById(serverId).map(server -> new OAuthMailServer(OAuthServerRef.incoming(server.id()),
                server.name(), server.settings().host(), server.settings().protocol() == MailProtocol.POP3,
                server.settings().protocol() == MailProtocol.GRAPH));
    }
}

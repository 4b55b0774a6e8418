package dev.mailroom.incoming.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerConnections;
import dev.mailroom.incoming.IncomingServerRepository;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.transport.MailProtocol;

/** The mailboxes as the admins configured them in Incoming Email Servers. */
@Component
class ConfiguredMailboxes implements MailboxDirectory {

    private final IncomingServerRepository servers;
    private final IncomingServerConnections connections;

    ConfiguredMailboxes(IncomingServerRepository servers, IncomingServerConnections connections) {
        this.servers = servers;
        this.connections = connections;
    }

    @Override
    public Optional<MailboxToFetch> findEnabled(long serverId) {
        return servers.findById(serverId).filter(IncomingServer::enabled).map(this::toFetch);
    }

    @Override
    public List<Long> enabledServerIds() {
        return servers.findEnabled().stream().map(IncomingServer::id).toList();
    }

    @Override
    public List<Long> enabledImapServerIds() {
        return servers.enabledIds(MailProtocol.IMAP);
    }

    private MailboxToFetch toFetch(IncomingServer server) {
        IncomingServerSettings settings = server.settings();
        return new MailboxToFetch(server.id(), server.name(), connections.of(server), settings.afterProcessing(),
                settings.moveToFolder(), settings.maxMessageSizeBytes(), Duration.ofSeconds(settings.pollIntervalSeconds()));
    }
}

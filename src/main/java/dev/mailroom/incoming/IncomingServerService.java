package dev.mailroom.incoming;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.secrets.SecretBox;
import dev.mailroom.secrets.StoredPasswords;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;

/** Creates, changes and deletes incoming servers; the password is encrypted on the way in and never handed out. */
@Service
public class IncomingServerService {

    private static final Logger log = LoggerFactory.getLogger(IncomingServerService.class);

    private final IncomingServerRepository servers;
    private final SecretBox secrets;
    private final ApplicationEventPublisher events;

    IncomingServerService(IncomingServerRepository servers, SecretBox secrets, ApplicationEventPublisher events) {
        this.servers = servers;
        this.secrets = secrets;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<IncomingServer> list() {
        return servers.findAll();
    }

    @Transactional(readOnly = true)
    public IncomingServer get(long id) {
        return servers.findById(id).orElseThrow(() -> new NotFoundException("Incoming server", id));
    }

    @Transactional
    public IncomingServer create(IncomingServerRequest request) {
        // A Graph mailbox signs in with OAuth 2.0 only, configured once the server exists.
        boolean graph = request.protocol() == MailProtocol.GRAPH;
        if (!request.hasPassword() && !graph) {
            throw new BadRequestException("password", "is required: Mailroom signs in to the mailbox with it");
        }
        IncomingServerSettings settings = request.toSettings();
        requireUnique(settings, null);
        IncomingServer created = servers.insert(settings,
                request.hasPassword() ? secrets.encrypt(request.password()) : null);
        events.publishEvent(new IncomingServerChanged(created.id()));
        log.info("Incoming server '{}' created (id {}, {}://{}:{})", settings.name(), created.id(),
                settings.protocol().javaMailName(), settings.host(), settings.port());
        return created;
    }

    /** A full replacement, except that a missing or empty password keeps the stored one. */
    @Transactional
    public IncomingServer update(long id, IncomingServerRequest request) {
        IncomingServer current = get(id);
        IncomingServerSettings settings = request.toSettings();
        requireUnique(settings, id);
        String encryptedPassword;
        if (request.hasPassword()) {
            encryptedPassword = secrets.encrypt(request.password());
        } else {
            requireSameHost(current, settings.host());
            encryptedPassword = current.encryptedPassword();
        }
        servers.update(id, settings, encryptedPassword);
        events.publishEvent(new IncomingServerChanged(id));
        log.info("Incoming server '{}' updated (id {}{})", settings.name(), id, request.hasPassword() ? ", new password" : "");
        return get(id);
    }

    @Transactional
    void delete(long id) {
        IncomingServer server = get(id);
        servers.delete(id);
        events.publishEvent(new IncomingServerChanged(id));
        log.info("Incoming server '{}' deleted (id {})", server.name(), id);
    }

    static void requireSameHost(IncomingServer saved, String host) {
        StoredPasswords.requireSameHost(saved.settings().host(), host);
    }

    private void requireUnique(IncomingServerSettings settings, Long id) {
        servers.findByName(settings.name()).filter(other -> id == null || other.id() != id).ifPresent(other -> {
            throw new ConflictException("name", "An incoming server named '" + other.name() + "' already exists");
        });
        for (String address : settings.mailboxAddresses()) {
            servers.findByMailboxAddress(address).filter(other -> id == null || other.id() != id).ifPresent(other -> {
                throw new ConflictException("mailboxAddresses",
                        address + " is already served by the incoming server '" + other.name() + "'");
            });
        }
    }
}
